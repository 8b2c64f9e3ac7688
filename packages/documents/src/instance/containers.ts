import { type Doc, type DocHandle, getConflicts } from '@automerge/automerge-repo'
import type { InstanceState, ProjectDefinition, ProjectFile } from '@troupe/core'
import { afterChange } from '../repo/after-change'
import type { InstanceDoc } from '../schema/instance'
import { deepEqual, writeJson } from '../write-json'

/**
 * Why this file exists: the runtime creates an actor's context map or an entity schema's map
 * the first time it writes there. If two peers do that concurrently (offline, or in the same
 * instant) Automerge keeps ONE of the two new maps and the writes into the other vanish from
 * view. So every container the project can name is created once, up front, with the instance
 * (see `initialContainers`), and a merge that still produced such a conflict is repaired by
 * folding the losing maps into the winner (`repairContainers`).
 */

/** Every entity schema a project names: initial entities, queries, createEntity payloads. */
export function schemasOf(project: Pick<ProjectFile, 'actors' | 'skills' | 'entities'>): string[] {
  const found = new Set(Object.keys(project.entities ?? {}))
  const walk = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) walk(item)
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'schemaName' && typeof child === 'string' && child) found.add(child)
        else walk(child)
      }
    }
  }
  walk(project.actors)
  walk(project.skills ?? {})
  return [...found].sort()
}

/**
 * Containers for a new instance: a context map per actor and a map per known schema (which
 * the document gives all its buckets, see schema/entity-buckets.ts).
 */
export function initialContainers(
  definition: Pick<ProjectDefinition, 'actors' | 'skills'> & Pick<ProjectFile, 'entities'>,
  state: InstanceState,
): InstanceState {
  const actors = { ...state.actors }
  for (const id of Object.keys(definition.actors)) actors[id] = { context: {}, ...actors[id] }
  const entities = { ...state.entities }
  for (const schema of schemasOf(definition)) entities[schema] ??= {}
  return { actors, entities }
}

/**
 * Folds maps that lost a concurrent-creation conflict into the winning map, so no write is
 * hidden. Cheap when there is nothing to do (one conflict lookup per actor and schema);
 * idempotent, and two peers repairing at once write the same values.
 */
export function repairContainers(handle: DocHandle<InstanceDoc>): boolean {
  const doc = handle.doc()
  const fixes: { path: [string, string] | [string, string, string]; value: unknown }[] = []
  for (const id of Object.keys(doc.actors)) {
    const merged = mergedConflict(doc.actors, id)
    if (merged) fixes.push({ path: ['actors', id], value: merged })
    const actor = doc.actors[id]
    if (actor?.context) {
      const context = mergedConflict(actor as Record<string, unknown>, 'context')
      if (context) fixes.push({ path: ['actors', id, 'context'], value: context })
    }
  }
  for (const schema of Object.keys(doc.entities)) {
    // Two levels: bucket, then entity (the same entity created on both sides keeps both's fields).
    const merged = mergedConflict(doc.entities, schema, 2)
    if (merged) fixes.push({ path: ['entities', schema], value: merged })
  }
  if (!fixes.length) return false
  handle.change((d) => {
    for (const { path, value } of fixes) {
      let parent = d as unknown as Record<string, unknown>
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>
      writeJson(parent, path[path.length - 1]!, value)
    }
  })
  return true
}

/**
 * When `parent[key]` holds several concurrently created maps, their union (the current
 * winner's values on top), maps inside merged too down to `depth` levels (an actor's entries:
 * one; a schema's buckets and their entities: two); otherwise undefined.
 */
function mergedConflict(
  parent: object,
  key: string,
  depth = 1,
): Record<string, unknown> | undefined {
  // automerge-repo's own copy of Automerge, the one that made these objects.
  const conflicts = getConflicts(parent as Doc<unknown>, key)
  if (!conflicts || Object.keys(conflicts).length < 2) return undefined
  const winner = (parent as Record<string, unknown>)[key]
  if (!isMap(winner)) return undefined
  let merged: Record<string, unknown> = {}
  for (const value of [...Object.values(conflicts), winner]) {
    if (isMap(value)) merged = mergeMaps(merged, value, depth)
  }
  return deepEqual(merged, winner)
    ? undefined
    : (JSON.parse(JSON.stringify(merged)) as Record<string, unknown>)
}

/** `b` over `a`, maps present in both merged the same way down to `depth` levels. */
function mergeMaps(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  depth: number,
): Record<string, unknown> {
  const out = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const before = out[k]
    out[k] = depth > 0 && isMap(v) && isMap(before) ? mergeMaps(before, v, depth - 1) : v
  }
  return out
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Repairs soon after any change, so viewers never wait for the next event. It does not rely
 * on patches: a merge where this peer's own map wins reports no conflict here, and automerge-
 * repo labels merged sync messages like local changes. The check is cheap when nothing needs
 * repair (one conflict lookup per actor and schema), and it runs after the change event, not
 * inside it, because changing a handle from its own change listener is re-entrant.
 * Returns the unsubscribe.
 */
export function watchContainers(handle: DocHandle<InstanceDoc>): () => void {
  return afterChange(handle, () => repairContainers(handle))
}
