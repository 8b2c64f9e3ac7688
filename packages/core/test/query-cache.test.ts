import { describe, expect, it } from 'vitest'
import {
  createQueryCache,
  type JsonObject,
  type QuerySpec,
  readQuerySpec,
  runQuery,
  seededRandom,
} from '../src/index'

const specs: QuerySpec[] = [
  { schemaName: 'T' },
  readQuerySpec({ schemaName: 'T', where: { $neq: [{ $: 'item.status' }, 'done'] } })!,
  readQuerySpec({ schemaName: 'T', where: { $gte: [{ $: 'item.n' }, { $: 'context.min' }] } })!,
  readQuerySpec({ schemaName: 'T', sort: { by: 'item.n' } })!,
  readQuerySpec({ schemaName: 'T', sort: [{ by: 'status', dir: 'desc' }, { by: 'n' }] })!,
  readQuerySpec({
    schemaName: 'T',
    where: { $includes: [{ $: 'context.tags' }, { $: 'item.status' }] },
    sort: { by: 'title', dir: 'desc' },
  })!,
]

function entity(next: () => number, key: string): JsonObject {
  const out: JsonObject = {
    // Mostly the key; sometimes another entity's id, so ties (and the full-run fallback) occur.
    id: next() < 0.9 ? key : `t${Math.floor(next() * 5)}`,
    status: ['open', 'done', 'later'][Math.floor(next() * 3)]!,
    title: `title ${Math.floor(next() * 20)}`,
  }
  if (next() < 0.85) out.n = Math.floor(next() * 30)
  return out
}

describe('createQueryCache', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'gives what runQuery gives over 300 random snapshot changes (seed %i)',
    (seed) => {
      const next = seededRandom(seed)
      const cache = createQueryCache()
      let entities: Record<string, JsonObject> = {}
      let context: JsonObject = { min: 10, tags: ['open'] }
      let counter = 0
      for (let step = 0; step < 300; step++) {
        const roll = next()
        const keys = Object.keys(entities)
        // Every change makes a new map, sharing the entities it did not change.
        if (roll < 0.35 || keys.length === 0) {
          const key = `t${counter++}`
          entities = { ...entities, [key]: entity(next, key) }
        } else if (roll < 0.65) {
          const key = keys[Math.floor(next() * keys.length)]!
          entities = { ...entities, [key]: { ...entity(next, key), id: entities[key]!.id! } }
        } else if (roll < 0.8) {
          const key = keys[Math.floor(next() * keys.length)]!
          const { [key]: _gone, ...rest } = entities
          entities = rest
        } else if (roll < 0.88) {
          // Many at once: past the patch limit, a full run.
          const bulk = { ...entities }
          for (let i = 0; i < 20; i++) bulk[`t${counter++}`] = entity(next, `t${counter}`)
          entities = bulk
        } else if (roll < 0.94) {
          context = { ...context, min: Math.floor(next() * 30) }
        } else {
          context = { ...context, tags: next() < 0.5 ? ['open'] : ['done', 'later'] }
        }
        for (const spec of specs) {
          const expected = runQuery(spec, entities, context)
          const got = cache.run(spec, entities, context)
          expect(got.length).toBe(expected.length)
          expect(got.every((item, i) => item === expected[i])).toBe(true)
        }
      }
    },
    // 300 steps × 6 queries, each against a full run: CPU work a loaded machine does slowly.
    60_000,
  )

  it('answers a query over the same snapshot from memory, and a one-entity change by patching', () => {
    const cache = createQueryCache()
    const spec = readQuerySpec({ schemaName: 'T', sort: { by: 'n' } })!
    const entities: Record<string, JsonObject> = {}
    for (let i = 0; i < 100; i++) entities[`t${i}`] = { id: `t${i}`, n: i }
    const first = cache.run(spec, entities)
    expect(cache.run(spec, entities)).toBe(first)
    const changed = { ...entities, t5: { id: 't5', n: 500 } }
    const second = cache.run(spec, changed)
    expect(second).not.toBe(first)
    expect(second.at(-1)).toBe(changed.t5)
    expect(second.slice(0, 5)).toEqual(first.slice(0, 5))
  })
})
