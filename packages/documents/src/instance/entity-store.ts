import type { JsonObject } from '@troupe/core'
import type { EntityStore } from '@troupe/runtime'
import { bucketOf, type EntityBuckets, emptyBuckets } from '../schema/entity-buckets'
import type { InstanceDoc } from '../schema/instance'
import { writeJson } from '../write-json'

/**
 * The instance document's entities as the runtime's effects write them, inside a change:
 * each id in its bucket (see schema/entity-buckets.ts), a missing schema created with all its
 * buckets.
 */
export function documentEntityStore(entities: InstanceDoc['entities']): EntityStore {
  return {
    get: (schema, id) => entities[schema]?.[bucketOf(id)]?.[id],
    put: (schema, id, entity) => {
      bucketIn(entities, schema, id)[id] = entity
    },
    remove: (schema, id) => {
      const bucket = entities[schema]?.[bucketOf(id)]
      if (bucket && id in bucket) delete bucket[id]
    },
  }
}

/**
 * Writes one entity's value with the smallest change (writeJson), or deletes it when `value`
 * is undefined: how forwarding copies an entity's outcome into another epoch.
 */
export function writeEntity(
  entities: InstanceDoc['entities'],
  schema: string,
  id: string,
  value: JsonObject | undefined,
): void {
  if (value === undefined && !entities[schema]?.[bucketOf(id)]) return
  writeJson(bucketIn(entities, schema, id), id, value)
}

function bucketIn(
  entities: InstanceDoc['entities'],
  schema: string,
  id: string,
): Record<string, JsonObject> {
  if (!entities[schema]) entities[schema] = emptyBuckets()
  // Re-read after assigning: under Automerge the stored object is a new proxy.
  const buckets: EntityBuckets = entities[schema]!
  const key = bucketOf(id)
  if (!buckets[key]) buckets[key] = {}
  return buckets[key]!
}
