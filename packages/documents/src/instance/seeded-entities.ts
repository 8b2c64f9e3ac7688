import { ImmutableString, isImmutableString } from '@automerge/automerge-repo'
import type { InstanceState, JsonObject } from '@troupe/core'
import type { InstanceDoc, StoredEntity } from '../schema/instance'

/**
 * Why seeded entities hold a string: a new epoch starts with a full copy of the state
 * (epochs.ts), and written as plain maps every entity costs an operation per field plus one
 * per character of every string (Automerge 3 stores strings as collaborative text). Measured
 * on `pnpm bench runtime`: 10,200 small entities made the seed change 120,854 operations, 90%
 * of the current epoch's load. So the seed writes each entity as a map holding ONE immutable
 * string of its JSON under SEED_KEY: two operations an entity.
 *
 * Why a map around the string, not the string alone: a message's patch then writes its
 * fields into that map, which the seed already created, so two peers' concurrent patches of
 * different fields both survive the merge. Had the first patch replaced a bare string with a
 * new map, each peer would have made its own map and Automerge would have kept one of them,
 * losing the other peer's field. A put replaces the entity with a plain map, a delete removes
 * it; entities created during the epoch are plain maps, as always.
 *
 * Readers never see the seed: `readEntities` hands out the seed's fields with the patched
 * fields over them, worked out once per stored map, so an unchanged entity keeps its identity
 * from one document version to the next (the renderer's query cache relies on that).
 */

/** The key of a seeded entity's JSON; `$`-keys are expressions in payloads, never data. */
export const SEED_KEY = '$seed'

/** A seeded entity as stored: its JSON, and every field a message wrote since. */
export type SeededEntity = { [SEED_KEY]: ImmutableString } & Record<string, unknown>

/** The stored form of a seed's entities: one map holding one immutable string per entity. */
export function seedEntities(
  entities: InstanceState['entities'],
): Record<string, Record<string, SeededEntity>> {
  const out: Record<string, Record<string, SeededEntity>> = {}
  for (const [schema, byId] of Object.entries(entities)) {
    const seeded: Record<string, SeededEntity> = {}
    for (const [id, entity] of Object.entries(byId)) {
      seeded[id] = { [SEED_KEY]: new ImmutableString(JSON.stringify(entity)) }
    }
    out[schema] = seeded
  }
  return out
}

const parsedSeeds = new WeakMap<object, JsonObject>()
const readStored = new WeakMap<object, JsonObject>()
const decodedSchemas = new WeakMap<object, Record<string, JsonObject>>()
const decodedRoots = new WeakMap<object, InstanceState['entities']>()

/** The seed string of a stored entity, if it is seeded. */
function seedOf(stored: StoredEntity): ImmutableString | undefined {
  const seed = (stored as Record<string, unknown>)[SEED_KEY]
  return isImmutableString(seed) ? seed : undefined
}

/** The entity a stored value stands for: a seeded one's JSON with its written fields over it. */
export function readEntity(stored: StoredEntity): JsonObject {
  const seed = seedOf(stored)
  if (!seed) return stored as JsonObject
  let entity = readStored.get(stored)
  if (entity) return entity
  let base = parsedSeeds.get(seed)
  if (!base) {
    base = JSON.parse(seed.val) as JsonObject
    parsedSeeds.set(seed, base)
  }
  const written = Object.keys(stored).filter((key) => key !== SEED_KEY)
  if (!written.length) entity = base
  else {
    entity = { ...base }
    for (const key of written) entity[key] = (stored as JsonObject)[key] as JsonObject[string]
  }
  readStored.set(stored, entity)
  return entity
}

/**
 * A document's entities as plain objects, without copying when nothing is seeded. Remembered
 * per stored map, so reading an unchanged document again costs nothing; a changed schema map
 * costs one walk of its entries.
 */
export function readEntities(stored: InstanceDoc['entities']): InstanceState['entities'] {
  let root = decodedRoots.get(stored)
  if (root) return root
  root = {}
  let same = true
  for (const schema of Object.keys(stored)) {
    const map = stored[schema]!
    const decoded = readSchema(map)
    if (decoded !== map) same = false
    root[schema] = decoded
  }
  if (same) root = stored as InstanceState['entities']
  decodedRoots.set(stored, root)
  return root
}

function readSchema(map: Record<string, StoredEntity>): Record<string, JsonObject> {
  let decoded = decodedSchemas.get(map)
  if (decoded) return decoded
  const ids = Object.keys(map)
  if (ids.some((id) => seedOf(map[id]!))) {
    decoded = {}
    for (const id of ids) decoded[id] = readEntity(map[id]!)
  } else decoded = map as Record<string, JsonObject>
  decodedSchemas.set(map, decoded)
  return decoded
}
