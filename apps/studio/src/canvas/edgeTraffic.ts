import type { MessageFeed } from '../messages/messageFeed'
import { edgeId } from './flowElements'

/** Draws one edge's traffic: its message count, and a pulse when new messages flowed. */
export type TrafficPainter = (count: number) => void

/**
 * Messages per subscription edge, for the canvas's live edges. It counts from the message
 * feed (which announces at most once per animation frame) and paints only the edges that got
 * messages in that frame, straight into their SVG: a flood re-renders no React component.
 */
export class EdgeTraffic {
  private counts = new Map<string, number>()
  private painters = new Map<string, TrafficPainter>()
  private watchers = new Set<(flowed: ReadonlySet<string>) => void>()

  constructor(private feed: MessageFeed) {
    this.take(0)
    feed.subscribe((first, prepended) => {
      // Earlier messages in front: counted again from the start.
      if (prepended) this.counts.clear()
      this.take(first)
    })
  }

  private take(first: number) {
    const touched = new Set<string>()
    const { entries } = this.feed
    for (let i = first; i < entries.length; i++) {
      const { from, to } = entries[i]!.message
      const id = edgeId('subscription', from, to)
      this.counts.set(id, (this.counts.get(id) ?? 0) + 1)
      touched.add(id)
    }
    for (const id of touched) this.painters.get(id)?.(this.counts.get(id)!)
    if (touched.size) for (const watcher of this.watchers) watcher(touched)
  }

  count(id: string): number {
    return this.counts.get(id) ?? 0
  }

  /**
   * Tells `watcher` which edges got messages, each time some did: for a layer that draws
   * many edges at once (FarEdges.tsx) instead of a painter per edge. Returns the unwatch.
   */
  watch(watcher: (flowed: ReadonlySet<string>) => void): () => void {
    this.watchers.add(watcher)
    return () => this.watchers.delete(watcher)
  }

  /** Registers the painter of a mounted edge; returns the unregister. */
  paint(id: string, painter: TrafficPainter): () => void {
    this.painters.set(id, painter)
    return () => {
      if (this.painters.get(id) === painter) this.painters.delete(id)
    }
  }
}

const traffic = new WeakMap<MessageFeed, EdgeTraffic>()

export function trafficFor(feed: MessageFeed): EdgeTraffic {
  let found = traffic.get(feed)
  if (!found) {
    found = new EdgeTraffic(feed)
    traffic.set(feed, found)
  }
  return found
}
