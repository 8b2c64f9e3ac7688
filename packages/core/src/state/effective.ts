import type { Scope } from '../language/paths'
import { isPlainObject } from '../language/values'
import type { ActorDefinition } from '../model/actor'
import type { InstanceState } from '../model/instance'
import type { Json, JsonObject } from '../model/json'
import type { ProjectDefinition } from '../model/project'
import { isSafeKey } from '../safety/keys'
import { readQuerySpec, runQuery } from './queries'
import type { QueryCache } from './query-cache'

function definitionOf(definition: ProjectDefinition, actorId: string): ActorDefinition | undefined {
  return isSafeKey(actorId) && Object.hasOwn(definition.actors, actorId)
    ? definition.actors[actorId]
    : undefined
}

/** The definition's initial context with the instance's writes on top (no queries filled). */
export function storedContext(
  definition: ProjectDefinition,
  state: InstanceState,
  actorId: string,
): JsonObject {
  const initial = definitionOf(definition, actorId)?.context
  const written = isSafeKey(actorId) ? state.actors[actorId]?.context : undefined
  return { ...(initial ?? {}), ...(written ?? {}) }
}

/**
 * Fills every `context.queries.<key>.items` of `context` from the instance's entities. With a
 * `cache` (for state handed over as immutable snapshots, see `createQueryCache`) unchanged
 * queries are answered from memory and small changes are patched in.
 */
export function fillQueries(
  context: JsonObject,
  state: InstanceState,
  cache?: QueryCache,
): JsonObject {
  const run = cache ? cache.run : runQuery
  const queries = context.queries
  if (!isPlainObject(queries)) return context
  const filled: JsonObject = {}
  for (const key of Object.keys(queries)) {
    if (!isSafeKey(key)) continue
    const query = queries[key] as Json
    const spec = readQuerySpec(query)
    filled[key] =
      spec && isPlainObject(query)
        ? {
            ...query,
            items: run(
              spec,
              isSafeKey(spec.schemaName) ? state.entities[spec.schemaName] : undefined,
              context,
            ),
          }
        : query
  }
  return { ...context, queries: filled }
}

/**
 * What an actor's view and skills see as `context`: initial context shallow-merged with the
 * instance's context, every query's `items` filled live. Never mutates its inputs.
 */
export function effectiveContext(
  definition: ProjectDefinition,
  state: InstanceState,
  actorId: string,
  cache?: QueryCache,
): JsonObject {
  return fillQueries(storedContext(definition, state, actorId), state, cache)
}

/** Children after any view swap, otherwise the definition's. */
export function effectiveChildren(
  definition: ProjectDefinition,
  state: InstanceState,
  actorId: string,
): string[] {
  const swapped = isSafeKey(actorId) ? state.actors[actorId]?.children : undefined
  return [...(swapped ?? definitionOf(definition, actorId)?.children ?? [])]
}

/**
 * `dependencies.<name>` for an actor: each named actor as `{ id, role, context }`, so
 * `dependencies.content.context.viewMode` reads the other actor's effective context.
 */
export function effectiveDependencies(
  definition: ProjectDefinition,
  state: InstanceState,
  actorId: string,
  cache?: QueryCache,
): Record<string, Json> {
  const out: Record<string, Json> = {}
  const dependencies = definitionOf(definition, actorId)?.dependencies ?? {}
  for (const name of Object.keys(dependencies)) {
    const target = dependencies[name] as string
    const actor = definitionOf(definition, target)
    if (!isSafeKey(name) || !actor) continue
    out[name] = {
      id: target,
      role: actor.role,
      context: effectiveContext(definition, state, target, cache),
    }
  }
  return out
}

/** The scope an actor's view and project skills evaluate in (without `item` and `payload`). */
export function actorScope(
  definition: ProjectDefinition,
  state: InstanceState,
  actorId: string,
): Scope {
  return {
    context: effectiveContext(definition, state, actorId),
    dependencies: effectiveDependencies(definition, state, actorId),
  }
}
