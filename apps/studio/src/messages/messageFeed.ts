import {
  type DocHandle,
  historyEntries,
  type InstanceDoc,
  loadEarlierEpochs,
  type Repo,
} from '@troupe/documents'
import type { LogEntry } from '@troupe/runtime'

export type FeedListener = (firstNew: number) => void

/**
 * The running instance's messages as they happen, for the Messages panel, time travel and the
 * canvas's live edges, in the order of the instance's history (`historyEntries`), so an index
 * here is the index `stateAfter` takes. The instance's earlier epochs are loaded first (they
 * are documents of their own), then each change reads only the changes not read yet, and
 * listeners hear about new entries at most once per animation frame, however many messages
 * arrived in it: a flood costs one notification per frame. Entries are only ever appended.
 */
export class MessageFeed {
  readonly entries: LogEntry[] = []
  private listeners = new Set<FeedListener>()
  private firstUnannounced: number | null = null
  private frame: number | null = null

  private loaded = false

  constructor(
    repo: Repo,
    private handle: DocHandle<InstanceDoc>,
  ) {
    handle.on('change', this.read)
    const ready = () => {
      this.loaded = true
      this.read()
    }
    // An earlier epoch that cannot be loaded leaves the history to this epoch's own messages.
    loadEarlierEpochs(repo, handle).then(ready, ready)
  }

  private read = () => {
    if (!this.loaded || !this.handle.doc()) return
    const all = historyEntries(this.handle)
    if (all.length <= this.entries.length) return
    this.firstUnannounced ??= this.entries.length
    for (let i = this.entries.length; i < all.length; i++) this.entries.push(all[i]!.entry)
    this.frame ??= requestAnimationFrame(this.announce)
  }

  private announce = () => {
    this.frame = null
    const first = this.firstUnannounced
    this.firstUnannounced = null
    if (first === null) return
    for (const listener of this.listeners) listener(first)
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
