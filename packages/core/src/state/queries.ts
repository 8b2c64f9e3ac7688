import { evaluateBinding } from '../language/bindings'
import { readPath, type Scope } from '../language/paths'
import { compareValues, isPlainObject, isTruthy } from '../language/values'
import type { Json, JsonObject } from '../model/json'

/**
 * `context.queries.<key> = { schemaName, items, where?, sort? }`.
 * - `where`: a value of the binding language evaluated per entity with `item` (and the
 *   actor's `context`); an entity is kept when it is truthy. A `where` that fails to evaluate
 *   keeps nothing (validation reports it as an issue).
 * - `sort`: `{ by: "<field path of the item>", dir?: "asc" | "desc" }` or a list of those;
 *   missing values sort last. Without `sort`, entities are ordered by id in natural order
 *   ("t2" before "t10"); the runtime's ids grow with time, so this is creation order, and it
 *   is the same on every peer whatever order a map's keys come back in.
 */
export type SortKey = { by: string; dir?: 'asc' | 'desc' }
export type QuerySpec = { schemaName: string; where?: Json; sort?: SortKey[] }

function readSortKey(value: Json | undefined): SortKey | null {
  if (!isPlainObject(value) || typeof value.by !== 'string') return null
  const by = value.by.startsWith('item.') ? value.by.slice('item.'.length) : value.by
  return { by, dir: value.dir === 'desc' ? 'desc' : 'asc' }
}

export function readQuerySpec(value: Json | undefined): QuerySpec | null {
  if (!isPlainObject(value) || typeof value.schemaName !== 'string') return null
  const spec: QuerySpec = { schemaName: value.schemaName }
  if (value.where !== undefined && value.where !== null) spec.where = value.where
  const sortList = Array.isArray(value.sort)
    ? value.sort
    : value.sort === undefined
      ? []
      : [value.sort]
  const sort = sortList.map(readSortKey).filter((k): k is SortKey => k !== null)
  if (sort.length) spec.sort = sort
  return spec
}

/** Digit runs and non-digit runs of a string, as `naturalCompare` compares them. */
export function naturalChunks(text: string): string[] {
  return text.match(/\d+|\D+/g) ?? []
}

function compareChunks(pa: string[], pb: string[], a: string, b: string): number {
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string
    const y = pb[i] as string
    if (x === y) continue
    const nx = /^\d/.test(x) && /^\d/.test(y)
    if (nx) {
      const diff = Number(x) - Number(y)
      if (diff !== 0) return diff
      if (x.length !== y.length) return x.length - y.length
    }
    return x < y ? -1 : 1
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0)
}

/** Orders strings with their digit runs compared as numbers: "t2" < "t10". */
export function naturalCompare(a: string, b: string): number {
  return compareChunks(naturalChunks(a), naturalChunks(b), a, b)
}

function entityId(entity: JsonObject): string {
  const id = entity.id
  return typeof id === 'string' ? id : id === undefined || id === null ? '' : String(id)
}

/**
 * An entity with what sorting compares worked out once (its sort values and its id's chunks),
 * so a sort of n entities reads paths and splits ids n times, not n log n times.
 */
export interface SortRow {
  item: JsonObject
  values: (Json | undefined)[]
  id: string
  idChunks: string[]
}

export function sortRow(item: JsonObject, keys: readonly SortKey[]): SortRow {
  const id = entityId(item)
  return {
    item,
    values: keys.map((key) => readPath(item, key.by)),
    id,
    idChunks: naturalChunks(id),
  }
}

/** The query order: each sort key (missing values last), then ids in natural order. */
export function compareRows(keys: readonly SortKey[], a: SortRow, b: SortRow): number {
  for (let k = 0; k < keys.length; k++) {
    const x = a.values[k]
    const y = b.values[k]
    const xMissing = x === undefined || x === null
    const yMissing = y === undefined || y === null
    if (xMissing || yMissing) {
      if (xMissing !== yMissing) return xMissing ? 1 : -1
      continue
    }
    const order = compareValues(x, y) ?? 0
    if (order !== 0) return keys[k]!.dir === 'desc' ? -order : order
  }
  return compareChunks(a.idChunks, b.idChunks, a.id, b.id)
}

/** Whether an entity passes a query's `where`; one that fails to evaluate does not. */
export function passesWhere(where: Json, item: JsonObject, context?: JsonObject): boolean {
  const scope: Scope = { item, ...(context ? { context } : {}) }
  try {
    return isTruthy(evaluateBinding(where, scope))
  } catch {
    return false
  }
}

/** The items of one query over the entities of its schema (keyed by id). */
export function runQuery(
  spec: QuerySpec,
  entities: Record<string, JsonObject> | undefined,
  context?: JsonObject,
): JsonObject[] {
  if (!entities) return []
  let items = Object.values(entities)
  const where = spec.where
  if (where !== undefined) items = items.filter((item) => passesWhere(where, item, context))
  const keys = spec.sort ?? []
  return items
    .map((item) => sortRow(item, keys))
    .sort((a, b) => compareRows(keys, a, b))
    .map((row) => row.item)
}
