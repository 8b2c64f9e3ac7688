import type { JsonObject } from '@troupe/core'
import type { StateEffect } from './effects'

type EntityWrite =
  | { kind: 'putEntity'; entity: JsonObject }
  | { kind: 'patchEntity'; changes: JsonObject }
  | { kind: 'deleteEntity' }

/**
 * The fewest effects with the same result as `effects` applied in order, on any state: the
 * last write of each context key, each actor's last children, and one write per entity (a
 * put, a patch of just the fields that changed, or a delete).
 *
 * Why: every write inside an Automerge change costs an operation, kept in the history and
 * replayed on load. A batch of events that bumps one counter a hundred times should store
 * one value, while a patch stays a patch, so a concurrent peer's edit of another field of
 * the same entity still merges instead of being overwritten by a whole-entity put.
 */
export function coalesceEffects(effects: readonly StateEffect[]): StateEffect[] {
  // Map keys keep first-appearance order, so the output is deterministic.
  const context = new Map<string, StateEffect>()
  const children = new Map<string, StateEffect>()
  const entities = new Map<string, { schema: string; id: string; write: EntityWrite }>()
  for (const effect of effects) {
    switch (effect.kind) {
      case 'setContext':
      case 'deleteContext': {
        // JSON text is an unambiguous key for the (actor, key) pair, whatever characters they hold.
        const key = JSON.stringify([effect.actorId, effect.key])
        context.delete(key)
        context.set(key, effect)
        break
      }
      case 'setChildren':
        children.delete(effect.actorId)
        children.set(effect.actorId, effect)
        break
      case 'putEntity':
      case 'patchEntity':
      case 'deleteEntity': {
        const key = JSON.stringify([effect.schema, effect.id])
        const previous = entities.get(key)?.write
        entities.set(key, { schema: effect.schema, id: effect.id, write: fold(previous, effect) })
        break
      }
    }
  }
  const out: StateEffect[] = [...context.values(), ...children.values()]
  for (const { schema, id, write } of entities.values()) out.push({ ...write, schema, id })
  return out
}

function fold(previous: EntityWrite | undefined, effect: StateEffect): EntityWrite {
  switch (effect.kind) {
    case 'putEntity':
      return { kind: 'putEntity', entity: effect.entity }
    case 'deleteEntity':
      return { kind: 'deleteEntity' }
    case 'patchEntity':
      if (!previous) return { kind: 'patchEntity', changes: effect.changes }
      if (previous.kind === 'putEntity') {
        return { kind: 'putEntity', entity: { ...previous.entity, ...effect.changes } }
      }
      if (previous.kind === 'patchEntity') {
        return { kind: 'patchEntity', changes: { ...previous.changes, ...effect.changes } }
      }
      // A patch of a deleted entity does nothing (applyEffects skips missing entities).
      return previous
    default:
      throw new Error(`not an entity effect: ${effect.kind}`)
  }
}
