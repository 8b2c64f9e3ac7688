import { ImmutableString, isImmutableString } from '@automerge/automerge-repo'
import type { InstanceState, JsonObject } from '@troupe/core'
import type { StateEffect } from '@troupe/runtime'
import type { InstanceDoc, StoredEntity } from '../schema/instance'

/**
 * Why entities may be stored as strings: a new epoch starts with a full copy of the state
 * (epochs.ts), and written as maps every entity costs an operation per field plus one per
 * character of every string (Automerge 3 stores strings as collaborative text). Measured on
 * `pnpm bench runtime`: 10,200 small entities made the seed change 120,854 operations, 90% of
 * the current epoch's load. So the seed writes each entity as ONE immutable string of its
 * JSON. An entity keeps that form until a message writes it: a put replaces it with a map, a
 * delete removes it, and a patch first turns it back into a map (`unseedPatched`) so the
 * patch stays a per-field write. Entities created during the epoch are maps, as always.
 *
 * Readers never see the strings: `readEntities` hands out the parsed objects, each parsed
 * once and kept with its stored string, so an unchanged entity keeps its identity from one
 * document version to the next (the renderer's query cache relies on that).
 */

/** The stored form of a seed's entities: one immutable string of JSON per entity. */
export function seedEntities(
  entities: InstanceState['entities'],
): Record<string, Record<string, ImmutableString>> {
  const out: Record<string, Record<string, ImmutableString>> = {}
  for (const [schema, byId] of Object.entries(entities)) {
    const seeded: Record<string, ImmutableString> = {}
    for (const [id, entity] of Object.entries(byId)) {
      seeded[id] = new ImmutableString(JSON.stringify(entity))
    }
    out[schema] = seeded
  }
  return out
}

const parsed = new WeakMap<object, JsonObject>()
const decodedSchemas = new WeakMap<object, Record<string, JsonObject>>()
const decodedRoots = new WeakMap<object, InstanceState['entities']>()

/** The entity a stored value stands for (a seeded string is parsed once, then remembered). */
export function readEntity(stored: StoredEntity): JsonObject {
  if (!isImmutableString(stored)) return stored
  let entity = parsed.get(stored)
  if (!entity) {
    entity = JSON.parse(stored.val) as JsonObject
    parsed.set(stored, entity)
  }
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
  if (ids.some((id) => isImmutableString(map[id]))) {
    decoded = {}
    for (const id of ids) decoded[id] = readEntity(map[id]!)
  } else decoded = map as Record<string, JsonObject>
  decodedSchemas.set(map, decoded)
  return decoded
}

/**
 * Inside a change, before the runtime's effects apply: every seeded entity a patch names
 * becomes a map of its fields again, so `applyEffects` patches it field by field.
 */
export function unseedPatched(doc: InstanceDoc, effects: readonly StateEffect[]): void {
  for (const effect of effects) {
    if (effect.kind !== 'patchEntity') continue
    const map = Object.hasOwn(doc.entities, effect.schema) ? doc.entities[effect.schema] : undefined
    const stored = map && Object.hasOwn(map, effect.id) ? map[effect.id] : undefined
    if (map && stored && isImmutableString(stored)) {
      map[effect.id] = JSON.parse(stored.val) as JsonObject
    }
  }
}
