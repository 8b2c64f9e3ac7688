import {
  type DocHandle,
  historyEntries,
  type InstanceDoc,
  loadEarlierEpochs,
  type Repo,
} from '@troupe/documents'
import type { LogEntry } from '@troupe/runtime'

/**
 * `firstNew`: the index of the first entry not announced before. `prepended`: 0, or how many
 * entries were put in front of those announced before (the instance's earlier epochs, which
 * arrive after its own): every index announced before moved up by that many, and `firstNew`
 * is 0, so a listener reads the whole list again.
 */
export type FeedListener = (firstNew: number, prepended: number) => void

/**
 * The running instance's messages as they happen, for the Messages panel, time travel and the
 * canvas's live edges, in the order of the instance's history (`historyEntries`), so an index
 * here is the index `stateAfter` takes. The current epoch's messages are there at once; the
 * earlier epochs are documents of their own, loaded meanwhile (seconds for 100k messages), and
 * put in front when they are in. Each change reads only the changes not read yet, and
 * listeners hear about new entries at most once per animation frame, however many messages
 * arrived in it: a flood costs one notification per frame. Entries are appended, apart from
 * that one prepend.
 */
export class MessageFeed {
  readonly entries: LogEntry[] = []
  /** Whether the earlier epochs are still loading (their messages not in `entries` yet). */
  loadingEarlier: boolean
  private listeners = new Set<FeedListener>()
  private firstUnannounced: number | null = null
  private frame: number | null = null

  constructor(
    repo: Repo,
    private handle: DocHandle<InstanceDoc>,
  ) {
    // An epoch with no previous one has nothing earlier to wait for.
    const doc = handle.doc()
    this.loadingEarlier = !doc || doc.previous !== undefined
    handle.on('change', this.read)
    this.read()
    // An earlier epoch that cannot be loaded leaves the history to this epoch's own messages.
    loadEarlierEpochs(repo, handle).then(
      (added) => this.earlierLoaded(added),
      () => this.earlierLoaded(0),
    )
  }

  private read = () => {
    if (!this.handle.doc()) return
    const all = historyEntries(this.handle)
    if (all.length <= this.entries.length) return
    this.firstUnannounced ??= this.entries.length
    for (let i = this.entries.length; i < all.length; i++) this.entries.push(all[i]!.entry)
    this.frame ??= requestAnimationFrame(this.announce)
  }

  /**
   * The earlier epochs are in (or failed to load: `added` 0). With entries, the history now
   * starts with theirs: the list is rebuilt in place (its readers hold it) and every listener
   * told at once, not at the next frame, so an index kept elsewhere (time travel, a selected
   * message) moves before anything reads the history with it.
   */
  private earlierLoaded(added: number) {
    this.loadingEarlier = false
    let prepended = 0
    if (added) {
      const first = this.entries[0]?.message.id
      this.entries.length = 0
      for (const { entry } of historyEntries(this.handle)) this.entries.push(entry)
      // Where the first entry announced before is now (with none announced, every entry is
      // in front); a forwarded copy of a message the earlier epochs hold too is kept once, so
      // this can be fewer than `added`.
      const moved =
        first === undefined
          ? this.entries.length
          : this.entries.findIndex((e) => e.message.id === first)
      prepended = moved < 0 ? added : moved
    }
    if (this.frame !== null) cancelAnimationFrame(this.frame)
    this.frame = null
    const firstNew = prepended ? 0 : (this.firstUnannounced ?? this.entries.length)
    this.firstUnannounced = null
    for (const listener of this.listeners) listener(firstNew, prepended)
  }

  private announce = () => {
    this.frame = null
    const first = this.firstUnannounced
    this.firstUnannounced = null
    if (first === null) return
    for (const listener of this.listeners) listener(first, 0)
  }

  /** Calls `listener` with the index of the first new entry, once per frame with news. */
  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }
}

const feeds = new WeakMap<DocHandle<InstanceDoc>, MessageFeed>()

/** One feed per instance handle, shared by everything that shows its messages. */
export function feedFor(repo: Repo, handle: DocHandle<InstanceDoc>): MessageFeed {
  let feed = feeds.get(handle)
  if (!feed) {
    feed = new MessageFeed(repo, handle)
    feeds.set(handle, feed)
  }
  return feed
}
