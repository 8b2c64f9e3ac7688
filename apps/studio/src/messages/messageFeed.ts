import { type DocHandle, type InstanceDoc, readLog } from '@troupe/documents'
import type { LogEntry } from '@troupe/runtime'

export type FeedListener = (firstNew: number) => void

/**
 * The running instance's messages as they happen, for the Messages panel and the canvas's
 * live edges. Each change reads only the entries after the ones already read
 * (`readLog(doc, from)`), and listeners hear about new entries at most once per animation
 * frame, however many messages arrived in it: a flood costs one notification per frame.
 */
export class MessageFeed {
  readonly entries: LogEntry[] = []
  private listeners = new Set<FeedListener>()
  private firstUnannounced: number | null = null
  private frame: number | null = null

  constructor(private handle: DocHandle<InstanceDoc>) {
    this.read()
    handle.on('change', this.read)
  }

  private read = () => {
    const doc = this.handle.doc()
    if (!doc) return
    const next = readLog(doc, this.entries.length)
    if (!next.length) return
    this.firstUnannounced ??= this.entries.length
    for (const entry of next) this.entries.push(entry)
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
export function feedFor(handle: DocHandle<InstanceDoc>): MessageFeed {
  let feed = feeds.get(handle)
  if (!feed) {
    feed = new MessageFeed(handle)
    feeds.set(handle, feed)
  }
  return feed
}
