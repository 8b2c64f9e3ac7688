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

function actorOf(target: InstanceState, actorId: string) {
  if (!target.actors[actorId]) target.actors[actorId] = {}
  // Re-read after assigning: under Automerge the stored object is a new proxy.
  return target.actors[actorId]!
}

function contextOf(target: InstanceState, actorId: string): JsonObject {
  const actor = actorOf(target, actorId)
  if (!actor.context) actor.context = {}
  return actor.context!
}

function schemaOf(target: InstanceState, schema: string): Record<string, JsonObject> {
  if (!target.entities[schema]) target.entities[schema] = {}
  return target.entities[schema]!
}

/**
 * Applies effects to `target` with plain assignments and deletes only, so the same code
 * writes a plain object and an Automerge change proxy (inside `handle.change`).
 * Creates missing actor, context and schema containers. Effects with unsafe keys are skipped.
 */
export function applyEffects(target: InstanceState, effects: readonly StateEffect[]): void {
  for (const effect of effects) {
    switch (effect.kind) {
      case 'setContext':
        if (isSafeKey(effect.actorId) && isSafeKey(effect.key)) {
          contextOf(target, effect.actorId)[effect.key] = cloneJson(effect.value)
        }
        break
      case 'deleteContext': {
        const context = isSafeKey(effect.actorId)
          ? target.actors[effect.actorId]?.context
          : undefined
        if (context && isSafeKey(effect.key) && effect.key in context) delete context[effect.key]
        break
      }
      case 'setChildren':
        if (isSafeKey(effect.actorId))
          actorOf(target, effect.actorId).children = [...effect.children]
        break
      case 'putEntity':
        if (isSafeKey(effect.schema) && isSafeKey(effect.id)) {
          schemaOf(target, effect.schema)[effect.id] = cloneJson(effect.entity)
        }
        break
      case 'patchEntity': {
        const entity = isSafeKey(effect.schema)
          ? target.entities[effect.schema]?.[effect.id]
          : undefined
        if (!entity || !isSafeKey(effect.id)) break
        for (const key of Object.keys(effect.changes)) {
          if (isSafeKey(key)) entity[key] = cloneJson(effect.changes[key] as Json)
        }
        break
      }
      case 'deleteEntity': {
        const entities = isSafeKey(effect.schema) ? target.entities[effect.schema] : undefined
        if (entities && isSafeKey(effect.id) && effect.id in entities) delete entities[effect.id]
        break
      }
    }
  }
}
