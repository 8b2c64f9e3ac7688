import type { InstanceState, Json, JsonObject } from '@troupe/core'
import { isSafeKey } from '@troupe/core'

/**
 * The smallest writes a message makes. Small writes merge well in Automerge when two peers
 * run the same instance: two messages touching different context keys or entity fields
 * both survive the merge.
 */
export type StateEffect =
  | { kind: 'setContext'; actorId: string; key: string; value: Json }
  | { kind: 'deleteContext'; actorId: string; key: string }
  | { kind: 'setChildren'; actorId: string; children: string[] }
  | { kind: 'putEntity'; schema: string; id: string; entity: JsonObject }
  | { kind: 'patchEntity'; schema: string; id: string; changes: JsonObject }
  | { kind: 'deleteEntity'; schema: string; id: string }

/**
 * A plain deep copy. Values written into state must not share objects with effects, the
 * definition or (under Automerge) other places in the document.
 */
export function cloneJson<T extends Json>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T
  const out: JsonObject = {}
  for (const key of Object.keys(value)) {
    if (isSafeKey(key)) out[key] = cloneJson((value as JsonObject)[key] as Json)
  }
  return out as T
}

/**
 * Where effects read and write entities. A plain `schema → id → entity` map (the runtime's
 * in-memory state) is one; the instance document, which keeps each schema's entities in
 * buckets, is another (documents: instance/entity-store.ts). `put` receives a fresh copy and
 * creates the schema's container when it is missing.
 */
export interface EntityStore {
  get(schema: string, id: string): JsonObject | undefined
  put(schema: string, id: string, entity: JsonObject): void
  remove(schema: string, id: string): void
}

/** The entity store over a plain `InstanceState.entities` map, written in place. */
function plainEntityStore(entities: InstanceState['entities']): EntityStore {
  return {
    get: (schema, id) => {
      const byId = Object.hasOwn(entities, schema) ? entities[schema] : undefined
      return byId && Object.hasOwn(byId, id) ? byId[id] : undefined
    },
    put: (schema, id, entity) => {
      if (!entities[schema]) entities[schema] = {}
      entities[schema]![id] = entity
    },
    remove: (schema, id) => {
      const byId = entities[schema]
      if (byId && id in byId) delete byId[id]
    },
  }
}

function actorOf(actors: InstanceState['actors'], actorId: string) {
  if (!actors[actorId]) actors[actorId] = {}
  // Re-read after assigning: under Automerge the stored object is a new proxy.
  return actors[actorId]!
}

function contextOf(actors: InstanceState['actors'], actorId: string): JsonObject {
  const actor = actorOf(actors, actorId)
  if (!actor.context) actor.context = {}
  return actor.context!
}

/** Applies effects to plain in-memory state (see writeEffects). */
export function applyEffects(target: InstanceState, effects: readonly StateEffect[]): void {
  writeEffects(target.actors, plainEntityStore(target.entities), effects)
}

/**
 * Applies effects to `actors` and `entities` with plain assignments and deletes only, so the
 * same code writes a plain object and an Automerge change proxy (inside `handle.change`).
 * Creates missing actor and context containers. Effects with unsafe keys are skipped.
 */
export function writeEffects(
  actors: InstanceState['actors'],
  entities: EntityStore,
  effects: readonly StateEffect[],
): void {
  for (const effect of effects) {
    switch (effect.kind) {
      case 'setContext':
        if (isSafeKey(effect.actorId) && isSafeKey(effect.key)) {
          contextOf(actors, effect.actorId)[effect.key] = cloneJson(effect.value)
        }
        break
      case 'deleteContext': {
        const context = isSafeKey(effect.actorId) ? actors[effect.actorId]?.context : undefined
        if (context && isSafeKey(effect.key) && effect.key in context) delete context[effect.key]
        break
      }
      case 'setChildren':
        if (isSafeKey(effect.actorId))
          actorOf(actors, effect.actorId).children = [...effect.children]
        break
      case 'putEntity':
        if (isSafeKey(effect.schema) && isSafeKey(effect.id)) {
          entities.put(effect.schema, effect.id, cloneJson(effect.entity))
        }
        break
      case 'patchEntity': {
        const entity =
          isSafeKey(effect.schema) && isSafeKey(effect.id)
            ? entities.get(effect.schema, effect.id)
            : undefined
        if (!entity) break
        for (const key of Object.keys(effect.changes)) {
          if (isSafeKey(key)) entity[key] = cloneJson(effect.changes[key] as Json)
        }
        break
      }
      case 'deleteEntity':
        if (isSafeKey(effect.schema) && isSafeKey(effect.id))
          entities.remove(effect.schema, effect.id)
        break
    }
  }
}
