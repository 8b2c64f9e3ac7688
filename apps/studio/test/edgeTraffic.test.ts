import type { LogEntry } from '@troupe/runtime'
import { describe, expect, it } from 'vitest'
import { EdgeTraffic } from '../src/canvas/edgeTraffic'
import type { FeedListener, MessageFeed } from '../src/messages/messageFeed'

const entry = (from: string, to: string): LogEntry => ({
  message: { id: `${from}>${to}`, type: 't', payload: {}, from, to, timestamp: 0 },
  outcome: 'handled',
  depth: 0,
})

/** The feed's surface EdgeTraffic reads: its entries and one announcement per frame. */
function feed(initial: LogEntry[]) {
  const listeners: FeedListener[] = []
  const fake = {
    entries: initial,
    subscribe: (listener: FeedListener) => {
      listeners.push(listener)
      return () => undefined
    },
  }
  const frame = (...added: LogEntry[]) => {
    const first = fake.entries.length
    fake.entries.push(...added)
    for (const listener of listeners) listener(first, 0)
  }
  /** The earlier epochs' entries arriving in front, as MessageFeed announces them. */
  const prepend = (...earlier: LogEntry[]) => {
    fake.entries.unshift(...earlier)
    for (const listener of listeners) listener(0, earlier.length)
  }
  return { feed: fake as unknown as MessageFeed, frame, prepend }
}

describe('EdgeTraffic', () => {
  it('counts history, then paints each touched edge once per frame, however many messages', () => {
    const { feed: f, frame } = feed([entry('a', 'b')])
    const traffic = new EdgeTraffic(f)
    expect(traffic.count('sub:a>b')).toBe(1)
    const painted: [string, number][] = []
    traffic.paint('sub:a>b', (n) => painted.push(['a>b', n]))
    traffic.paint('sub:b>c', (n) => painted.push(['b>c', n]))
    traffic.paint('sub:c>c', (n) => painted.push(['c>c', n]))

    // A flood in one frame: 1,000 messages on one edge, one on another, none on the third.
    frame(...Array.from({ length: 1000 }, () => entry('a', 'b')), entry('b', 'c'))
    expect(painted).toEqual([
      ['a>b', 1001],
      ['b>c', 1],
    ])
    frame(entry('c', 'c'))
    expect(painted.at(-1)).toEqual(['c>c', 1])
    expect(painted).toHaveLength(3)
  })

  it('stops painting an edge that unmounted', () => {
    const { feed: f, frame } = feed([])
    const traffic = new EdgeTraffic(f)
    const painted: number[] = []
    const stop = traffic.paint('sub:a>b', (n) => painted.push(n))
    frame(entry('a', 'b'))
    stop()
    frame(entry('a', 'b'))
    expect(painted).toEqual([1])
    expect(traffic.count('sub:a>b')).toBe(2)
  })

  it('counts again from the start when earlier messages come in front, and paints them', () => {
    const { feed: f, frame, prepend } = feed([entry('a', 'b')])
    const traffic = new EdgeTraffic(f)
    const painted: number[] = []
    traffic.paint('sub:a>b', (n) => painted.push(n))
    prepend(entry('a', 'b'), entry('b', 'c'))
    expect(traffic.count('sub:a>b')).toBe(2)
    expect(traffic.count('sub:b>c')).toBe(1)
    expect(painted).toEqual([2])
    frame(entry('a', 'b'))
    expect(painted).toEqual([2, 3])
  })

  it('tells a watcher which edges got messages in each frame, and nothing after unwatch', () => {
    const { feed: f, frame } = feed([entry('a', 'b')])
    const traffic = new EdgeTraffic(f)
    const told: string[][] = []
    const unwatch = traffic.watch((flowed) => told.push([...flowed].sort()))
    frame(entry('b', 'c'), entry('a', 'b'), entry('b', 'c'))
    frame()
    unwatch()
    frame(entry('a', 'b'))
    expect(told).toEqual([['sub:a>b', 'sub:b>c']])
  })
})
