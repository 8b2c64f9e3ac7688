import type { InstanceState, JsonObject } from '@troupe/core'

/**
 * How the instance document keeps one schema's entities: spread over ENTITY_BUCKETS maps by a
 * hash of the id (`entities[schema][bucket][id]`), all buckets created with the schema.
 *
 * Why: Automerge's materialised document copies every map on the path of a write, so with one
 * map per schema each entity write copied all of the schema's entities, and working out the
 * patch's path walked them too (measured with Automerge 3.5: 4.8 ms to create an entity among
 * 5,000 and 7 ms to update one, 21 ms at 20,000). With 64 buckets a write copies the bucket
 * map and one bucket of about n/64 entities (0.5 ms at 5,000, under 1 ms at 20,000). The
 * buckets exist from the start because two peers that created the same missing bucket at once
 * would each make a map and Automerge would show only one of them (see containers.ts).
 *
 * Everything above the document reads entities flat (`InstanceState.entities`), through
 * `flatEntities`, and writes them through the entity store in instance/entity-store.ts.
 */
export const ENTITY_BUCKETS = 64

/** The instance document version that started keeping entities in buckets. */
export const ENTITY_BUCKETS_SINCE_VERSION = 3

/** A schema's entities as the document keeps them: bucket key → id → entity. */
export type EntityBuckets = Record<string, Record<string, JsonObject>>

const bucketKeys = Array.from({ length: ENTITY_BUCKETS }, (_, i) => i.toString(16).padStart(2, '0'))

/** The bucket an id belongs in: FNV-1a of its UTF-16 code units, the same on every peer. */
export function bucketOf(id: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return bucketKeys[(hash >>> 0) % ENTITY_BUCKETS]!
}

/** Every bucket, empty: the value a new schema starts with. */
export function emptyBuckets(): EntityBuckets {
  return Object.fromEntries(bucketKeys.map((key) => [key, {}]))
}

/** A schema's entities (id → entity) spread over its buckets. Shares the entity objects. */
export function toBuckets(byId: Record<string, JsonObject>): EntityBuckets {
  const buckets = emptyBuckets()
  for (const id of Object.keys(byId)) buckets[bucketOf(id)]![id] = byId[id]!
  return buckets
}

// Keyed by the document's own (immutable, materialised) objects: a schema whose buckets did
// not change keeps the same object, so its flat map is built once and keeps its identity,
// which the renderer's and the query cache's memos rely on.
const flatSchemas = new WeakMap<object, Record<string, JsonObject>>()
const flatRoots = new WeakMap<object, InstanceState['entities']>()

/**
 * One schema's entities, id → entity, read from its buckets. Treat as read-only. Copied key
 * by key: Object.assign from the document's objects measured 2.5x slower (3.6 against 1.4 ms
 * for 5,000 entities).
 */
export function flatSchema(buckets: EntityBuckets): Record<string, JsonObject> {
  let flat = flatSchemas.get(buckets)
  if (!flat) {
    flat = {}
    for (const key of Object.keys(buckets)) {
      const bucket = buckets[key]!
      for (const id of Object.keys(bucket)) flat[id] = bucket[id]!
    }
    flatSchemas.set(buckets, flat)
  }
  return flat
}

/**
 * Every schema's entities, flat, as `InstanceState.entities`. Treat as read-only. A schema is
 * made flat when first read: a message that touches no entity (most of them) reads none, so
 * an entity written by the previous message costs it nothing.
 */
export function flatEntities(entities: Record<string, EntityBuckets>): InstanceState['entities'] {
  let flat = flatRoots.get(entities)
  if (!flat) {
    flat = {}
    for (const schema of Object.keys(entities)) {
      const buckets = entities[schema]!
      Object.defineProperty(flat, schema, {
        enumerable: true,
        get: () => flatSchema(buckets),
      })
    }
    flatRoots.set(entities, flat)
  }
  return flat
}
