import type { LogEntry } from '@troupe/runtime'
import { type MessageFilter, matches, noFilter } from './messageFilter'

/**
 * Which messages the panel lists: those after the last "Clear", matching the filter, up to
 * where it was paused. Only new entries are filtered as they arrive; the history itself is
 * never changed (clearing moves where the view starts).
 */
export class MessageView {
  /** Log indices shown, oldest first. */
  shown: number[] = []
  filter: MessageFilter = noFilter
  paused = false
  private clearedAt = 0
  private scanned = 0

  constructor(private entries: readonly LogEntry[]) {}

  /** Takes in entries that arrived since the last call (nothing while paused). */
  catchUp(): void {
    if (this.paused) return
    for (let i = this.scanned; i < this.entries.length; i++) {
      if (matches(this.entries[i]!, this.filter)) this.shown.push(i)
    }
    this.scanned = this.entries.length
  }

  /** Messages that arrived while paused and are not listed yet. */
  get waiting(): number {
    return this.entries.length - this.scanned
  }

  setFilter(filter: MessageFilter): void {
    this.filter = filter
    const upTo = this.scanned
    this.shown = []
    for (let i = this.clearedAt; i < upTo; i++) {
      if (matches(this.entries[i]!, filter)) this.shown.push(i)
    }
  }

  setPaused(paused: boolean): void {
    this.paused = paused
    this.catchUp()
  }

  /**
   * `count` earlier entries were put in front of the history (MessageFeed): every index moves
   * up by that many, and the earlier entries are listed too, unless "Clear" was pressed (they
   * are older than what it cleared).
   */
  prepend(count: number): void {
    this.shown = this.shown.map((i) => i + count)
    this.scanned += count
    if (this.clearedAt > 0) {
      this.clearedAt += count
      return
    }
    const earlier: number[] = []
    for (let i = 0; i < count; i++) if (matches(this.entries[i]!, this.filter)) earlier.push(i)
    this.shown = [...earlier, ...this.shown]
  }

  clear(): void {
    this.clearedAt = this.paused ? this.scanned : this.entries.length
    this.scanned = this.clearedAt
    this.shown = []
  }
}
