import { resolvePath } from '../language/paths'
import { jsonEquals } from '../language/values'
import type { Json, JsonObject } from '../model/json'
import { compareRows, passesWhere, type QuerySpec, type SortRow, sortRow } from './queries'

/**
 * Remembers query results for a caller that treats state as immutable snapshots (the
 * renderer): a changed entity map or entity is a new object, an unchanged one keeps its
 * identity, as automerge documents and copy-on-write stores hand them over. A query over the
 * same map is then answered at once, and one over a map where a few entities changed is
 * patched (those few taken out and put back in order) instead of filtering and sorting every
 * entity again. The answer is always what `runQuery` gives; when a patch could differ (two
 * entities that compare equal) it runs the query in full. State that is mutated in place (the
 * runtime's in-memory state) must use `runQuery` instead.
 */
export interface QueryCache {
  run(
    spec: QuerySpec,
    entities: Record<string, JsonObject> | undefined,
    context?: JsonObject,
  ): JsonObject[]
}

interface Memo {
  entities: Record<string, JsonObject>
  /** The map's keys and values in its own order, to spot what changed by walking both lists. */
  mapKeys: string[]
  mapValues: JsonObject[]
  /** The values of the context paths `where` reads, when the result was computed. */
  reads: (Json | undefined)[]
  /** Result rows in order, with the key each entity has in the map. */
  rows: SortRow[]
  keys: string[]
  items: JsonObject[]
}

// Several actors may run the same query with different context; a cache that only grows
// would keep old entity maps alive, so it starts over past this many.
const maxMemos = 256

export function createQueryCache(): QueryCache {
  const memos = new Map<string, Memo>()
  return {
    run(spec, entities, context) {
      if (!entities) return []
      const reads = whereReads(spec.where).map((path) =>
        resolvePath({ context: context ?? {} }, path),
      )
      const memoKey = `${JSON.stringify(spec)}\u0000${JSON.stringify(reads)}`
      const memo = memos.get(memoKey)
      if (memo?.entities === entities && jsonListEquals(memo.reads, reads)) return memo.items
      const next =
        (memo && jsonListEquals(memo.reads, reads) && patch(memo, spec, entities, context)) ||
        full(spec, entities, context, reads)
      if (!memo && memos.size >= maxMemos) memos.clear()
      memos.set(memoKey, next)
      return next.items
    },
  }
}

function full(
  spec: QuerySpec,
  entities: Record<string, JsonObject>,
  context: JsonObject | undefined,
  reads: (Json | undefined)[],
): Memo {
  const sort = spec.sort ?? []
  const where = spec.where
  const mapKeys = Object.keys(entities)
  const mapValues = Object.values(entities)
  const pairs: { key: string; row: SortRow }[] = []
  for (let i = 0; i < mapKeys.length; i++) {
    const item = mapValues[i]!
    if (where === undefined || passesWhere(where, item, context)) {
      pairs.push({ key: mapKeys[i]!, row: sortRow(item, sort) })
    }
  }
  pairs.sort((a, b) => compareRows(sort, a.row, b.row))
  const rows = pairs.map((p) => p.row)
  return {
    entities,
    mapKeys,
    mapValues,
    reads,
    rows,
    keys: pairs.map((p) => p.key),
    items: rows.map((r) => r.item),
  }
}

/**
 * The previous result with the entities that changed taken out and put back where they now
 * belong; `null` when so much changed that a full run is as cheap, or when an entity ties
 * with a neighbour (then only a full, stable sort gives `runQuery`'s order).
 */
function patch(
  memo: Memo,
  spec: QuerySpec,
  entities: Record<string, JsonObject>,
  context: JsonObject | undefined,
): Memo | null {
  const mapKeys = Object.keys(entities)
  const mapValues = Object.values(entities)
  const touched = changedKeys(memo, mapKeys, mapValues)
  if (touched === null) return null

  // Copies (the previous result stays valid for whoever holds it), then a few splices.
  const sort = spec.sort ?? []
  const rows = memo.rows.slice()
  const keys = memo.keys.slice()
  const items = memo.items.slice()
  if (touched.size > 0) {
    for (let i = keys.length - 1; i >= 0; i--) {
      if (!touched.has(keys[i]!)) continue
      rows.splice(i, 1)
      keys.splice(i, 1)
      items.splice(i, 1)
    }
  }
  for (const key of touched) {
    if (!Object.hasOwn(entities, key)) continue
    const item = entities[key]!
    if (spec.where !== undefined && !passesWhere(spec.where, item, context)) continue
    const row = sortRow(item, sort)
    const at = insertionPoint(rows, row, sort)
    if (at === null) return null
    rows.splice(at, 0, row)
    keys.splice(at, 0, key)
    items.splice(at, 0, item)
  }
  return { entities, mapKeys, mapValues, reads: memo.reads, rows, keys, items }
}

/**
 * Keys added, removed or given a new entity since the memo's map; `null` past the point where
 * patching stops paying. A changed or appended entity keeps the other keys in their order,
 * so walking both key lists side by side finds it with no lookups; any other change (a
 * removal, a reorder) is found by looking each key up.
 */
function changedKeys(memo: Memo, mapKeys: string[], mapValues: JsonObject[]): Set<string> | null {
  const limit = Math.max(8, memo.mapKeys.length >> 4)
  const touched = new Set<string>()
  const before = memo.mapKeys
  if (mapKeys.length >= before.length) {
    let i = 0
    for (; i < before.length; i++) {
      if (mapKeys[i] !== before[i]) break
      if (mapValues[i] !== memo.mapValues[i] && touched.add(before[i]!).size > limit) return null
    }
    if (i === before.length) {
      for (; i < mapKeys.length; i++) if (touched.add(mapKeys[i]!).size > limit) return null
      return touched
    }
    touched.clear()
  }
  const previous = memo.entities
  const now = new Set(mapKeys)
  for (let i = 0; i < mapKeys.length; i++) {
    const key = mapKeys[i]!
    if (!(Object.hasOwn(previous, key) && previous[key] === mapValues[i])) {
      if (touched.add(key).size > limit) return null
    }
  }
  for (const key of before) {
    if (!now.has(key) && touched.add(key).size > limit) return null
  }
  return touched
}

/** Where `row` goes in sorted `rows` (binary search), or `null` if it ties with one. */
function insertionPoint(
  rows: SortRow[],
  row: SortRow,
  sort: QuerySpec['sort'] & {},
): number | null {
  let low = 0
  let high = rows.length
  while (low < high) {
    const mid = (low + high) >> 1
    const order = compareRows(sort, row, rows[mid]!)
    if (order === 0) return null
    if (order < 0) high = mid
    else low = mid + 1
  }
  return low
}

/**
 * The `context` paths a `where` can read, found in its text. A `$` whose operand is not a
 * plain path could compute what it reads, so then the whole context counts.
 */
function whereReads(where: Json | undefined): string[] {
  if (where === undefined) return []
  const reads = new Set<string>()
  const walk = (value: Json | undefined): void => {
    if (typeof value === 'string') {
      if (value === 'context' || value.startsWith('context.')) reads.add(value)
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v)
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === '$' && typeof v !== 'string') reads.add('context')
        walk(v)
      }
    }
  }
  walk(where)
  return [...reads].sort()
}

function jsonListEquals(a: (Json | undefined)[], b: (Json | undefined)[]): boolean {
  return a.length === b.length && a.every((value, i) => jsonEquals(value, b[i]))
}
