import type { AnyDocumentId, DocHandle, Repo } from '@automerge/automerge-repo'
import type { ProjectDefinition, RaisedEvent } from '@troupe/core'
import type { InstanceDoc } from '../schema/instance'
import {
  currentEpoch,
  epochIsFull,
  epochSizeOf,
  rotateEpoch,
  settleBranch,
  successorOf,
} from './epochs'
import { type EventResult, type RaiseOptions, raiseEvents } from './events'
import { forwardLateWrites } from './forward'

export interface LiveInstanceOptions {
  /**
   * Whether this peer starts new epochs when one is full (default true). A published app's
   * visitors only follow: they may write only the documents the server granted, so the
   * server rotates shared instances.
   */
  rotate?: boolean
}

export type EpochListener = (
  epoch: DocHandle<InstanceDoc>,
  previous: DocHandle<InstanceDoc>,
) => void

interface Watched {
  handle: DocHandle<InstanceDoc>
  /** Epochs this peer raised into are settled against their previous epoch (epochs.ts). */
  deep: boolean
  previous?: DocHandle<InstanceDoc>
  running?: Promise<void>
  again: boolean
  stop: (() => void)[]
}

/**
 * One peer's hold on a running instance across its epochs (see epochs.ts): raising goes into
 * the current epoch and starts the next one when it is full; an epoch another peer rotated,
 * or that lost a concurrent rotation, hands over to its successor; writes that landed in an
 * epoch after it was rotated are forwarded. Raising stays synchronous, so exactly once holds as
 * for raiseEvents: an event raised into an epoch just superseded is processed there, once, and
 * its outcome is forwarded.
 */
export class LiveInstance {
  readonly #repo: Repo
  readonly #rotate: boolean
  readonly #listeners = new Set<EpochListener>()
  readonly #watched = new Map<string, Watched>()
  #current: DocHandle<InstanceDoc>
  #closed = false
  #failure: unknown

  constructor(repo: Repo, epoch: DocHandle<InstanceDoc>, options: LiveInstanceOptions = {}) {
    this.#repo = repo
    this.#rotate = options.rotate ?? true
    this.#current = epoch
    this.#watch(epoch, true)
  }

  /** The epoch events are raised into now. */
  get epoch(): DocHandle<InstanceDoc> {
    return this.#current
  }

  /** Raises events in one change of the current epoch (raiseEvents), then rotates if full. */
  raise(
    definition: ProjectDefinition,
    events: readonly RaisedEvent[],
    options?: RaiseOptions,
  ): EventResult[] {
    const results = raiseEvents(this.#current, definition, events, options)
    this.rotateIfFull(definition)
    return results
  }

  /**
   * Starts the next epoch when the current one holds `epochSize` messages. Raising calls it;
   * a peer that does not raise but watches others do (the server, for a published app's
   * shared instance) calls it on their changes. Returns whether it rotated.
   */
  rotateIfFull(definition: Pick<ProjectDefinition, 'settings'>): boolean {
    const epoch = this.#current
    if (!this.#rotate || this.#closed || !epochIsFull(epoch.doc(), epochSizeOf(definition)))
      return false
    this.#switchTo(rotateEpoch(this.#repo, epoch))
    return true
  }

  /** Calls `listener` whenever the current epoch changes, here or because of another peer. */
  onEpoch(listener: EpochListener): () => void {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  /**
   * Resolves when the background work this peer has started (following a successor, settling
   * a lost rotation, forwarding late writes) is done; rejects with what went wrong in it.
   */
  async settled(): Promise<void> {
    for (;;) {
      const running = [...this.#watched.values()].flatMap((w) => (w.running ? [w.running] : []))
      if (!running.length) break
      await Promise.all(running)
    }
    if (this.#failure) throw this.#failure
  }

  close(): void {
    this.#closed = true
    for (const watched of this.#watched.values()) for (const stop of watched.stop) stop()
    this.#watched.clear()
    this.#listeners.clear()
  }

  #switchTo(epoch: DocHandle<InstanceDoc>): void {
    const previous = this.#current
    if (previous === epoch || this.#closed) return
    this.#current = epoch
    this.#watch(epoch, true)
    for (const listener of this.#listeners) listener(epoch, previous)
  }

  #find(url: string): Promise<DocHandle<InstanceDoc> | undefined> {
    return this.#retry(() => this.#repo.find<InstanceDoc>(url as AnyDocumentId))
  }

  /**
   * Runs `load` until it succeeds or this instance is closed. An epoch another peer just
   * started is "unavailable" until a peer that has it is reachable (a partition, offline):
   * raising meanwhile goes on in the epoch at hand, whose writes are forwarded later.
   */
  async #retry<T>(load: () => Promise<T>): Promise<T | undefined> {
    for (let wait = 100; !this.#closed; wait = Math.min(wait * 2, 2_000)) {
      try {
        const found = await load()
        return this.#closed ? undefined : found
      } catch {
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
    }
    return undefined
  }

  #watch(handle: DocHandle<InstanceDoc>, deep: boolean): void {
    const known = this.#watched.get(handle.url)
    if (known) {
      if (deep && !known.deep) {
        known.deep = true
        this.#schedule(known)
      }
      return
    }
    const watched: Watched = { handle, deep, again: false, stop: [] }
    this.#watched.set(handle.url, watched)
    const onChange = () => this.#schedule(watched)
    handle.on('change', onChange)
    watched.stop.push(() => handle.off('change', onChange))
    this.#schedule(watched)
  }

  /** Runs `settle` for an epoch, once at a time; a change during a run runs it again after. */
  #schedule(watched: Watched): void {
    if (this.#closed) return
    if (watched.running) {
      watched.again = true
      return
    }
    watched.running = this.#settle(watched)
      .catch((error: unknown) => {
        this.#failure ??= error
      })
      .finally(() => {
        watched.running = undefined
        if (watched.again) {
          watched.again = false
          this.#schedule(watched)
        }
      })
  }

  async #settle(watched: Watched): Promise<void> {
    const { handle } = watched
    const link = handle.doc().previous
    if (watched.deep && link && !watched.previous) {
      const previous = await this.#find(link.url)
      if (!previous) return
      watched.previous = previous
      // Its `next` decides whether this epoch lost a rotation; its late writes get forwarded.
      const onChange = () => this.#schedule(watched)
      previous.on('change', onChange)
      watched.stop.push(() => previous.off('change', onChange))
      this.#watch(previous, false)
    }
    if (watched.previous) settleBranch(handle, watched.previous)
    if (!successorOf(handle.doc())) return
    const target = await this.#retry(() => currentEpoch(this.#repo, handle))
    if (!target) return
    forwardLateWrites(handle, target, watched.previous)
    if (handle === this.#current) this.#switchTo(target)
  }
}
