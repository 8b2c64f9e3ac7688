import {
  type ActorDefinition,
  effectiveChildren,
  effectiveContext,
  effectiveDependencies,
  type InstanceState,
  isSafeKey,
  type Json,
  type JsonObject,
  type ProjectDefinition,
  type QueryCache,
} from '@troupe/core'
import { jsonEqual, jsonListEqual } from './jsonEqual'

/** Everything one actor's view reads: its definition and effective data, dependencies included. */
export interface ActorSlice {
  actorId: string
  actor: ActorDefinition | undefined
  context: JsonObject
  children: string[]
  /** `dependencies.<name>` in expressions: `{ id, role, context }` of the named actor. */
  dependencies: Record<string, Json>
}

/** Schema names of an actor's queries, so only entity changes of those schemas matter to it. */
function querySchemas(context: JsonObject | undefined, into: string[]) {
  const queries = context?.queries
  if (!queries || typeof queries !== 'object' || Array.isArray(queries)) return
  for (const query of Object.values(queries)) {
    if (query && typeof query === 'object' && !Array.isArray(query)) {
      const name = query.schemaName
      if (typeof name === 'string') into.push(name)
    }
  }
}

function ownInputs(definition: ProjectDefinition, state: InstanceState, id: string): unknown[] {
  if (!isSafeKey(id)) return []
  const actor = definition.actors[id]
  const actorState = state.actors[id]
  const schemas: string[] = []
  querySchemas(actor?.context, schemas)
  querySchemas(actorState?.context, schemas)
  return [actor, actorState, ...schemas.map((schema) => state.entities[schema])]
}

/**
 * The references an actor's slice is computed from. When none changed (compared by
 * identity), the slice is reused without recomputing the effective context.
 */
export function sliceInputs(
  definition: ProjectDefinition,
  state: InstanceState,
  actorId: string,
): unknown[] {
  const inputs = ownInputs(definition, state, actorId)
  const deps = definition.actors[actorId]?.dependencies ?? {}
  for (const [name, target] of Object.entries(deps)) {
    inputs.push(name, ...ownInputs(definition, state, target))
  }
  return inputs
}

export function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i])
}

/** `queries` answers repeated queries over unchanged entity maps without re-running them. */
export function computeSlice(
  definition: ProjectDefinition,
  state: InstanceState,
  actorId: string,
  queries?: QueryCache,
): ActorSlice {
  const actor = Object.hasOwn(definition.actors, actorId) ? definition.actors[actorId] : undefined
  const dependencies = actor ? effectiveDependencies(definition, state, actorId, queries) : {}
  return {
    actorId,
    actor,
    context: actor ? effectiveContext(definition, state, actorId, queries) : {},
    children: actor ? effectiveChildren(definition, state, actorId) : [],
    dependencies,
  }
}

/**
 * `fresh`, keeping each part of `previous` that is equal to its new value, and `previous`
 * itself when all are. Kept parts keep their identity, so an unchanged view keeps memoised
 * foreach rows valid even when the definition arrived as a new copy.
 */
export function reuseEqualParts(previous: ActorSlice, fresh: ActorSlice): ActorSlice {
  const actor = jsonEqual(previous.actor as Json | undefined, fresh.actor as Json | undefined)
    ? previous.actor
    : fresh.actor
  const context = jsonEqual(previous.context, fresh.context) ? previous.context : fresh.context
  const children = jsonListEqual(previous.children, fresh.children)
    ? previous.children
    : fresh.children
  const dependencies = jsonEqual(previous.dependencies, fresh.dependencies)
    ? previous.dependencies
    : fresh.dependencies
  if (
    actor === previous.actor &&
    context === previous.context &&
    children === previous.children &&
    dependencies === previous.dependencies
  ) {
    return previous
  }
  return { actorId: fresh.actorId, actor, context, children, dependencies }
}
