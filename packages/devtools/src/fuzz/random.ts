import { seededRandom } from '@troupe/core'

/** A seeded PRNG (mulberry32) with the picks the fuzz needs, so a failing seed replays. */
export class Random {
  readonly next: () => number

  constructor(seed: number) {
    this.next = seededRandom(seed)
  }

  int(below: number): number {
    return Math.floor(this.next() * below)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items.length ? items[this.int(items.length)] : undefined
  }

  /** One of the keys, each with its weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][]
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0)
    for (const [key, weight] of entries) {
      roll -= weight
      if (roll < 0) return key
    }
    return (entries.at(-1) as [K, number])[0]
  }
}
