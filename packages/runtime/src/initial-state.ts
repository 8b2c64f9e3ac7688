import type { InstanceState, JsonObject, ProjectFile } from '@troupe/core'
import { isSafeKey } from '@troupe/core'
import { cloneJson } from './effects'
import { newSortableId } from './ids'

/**
 * A fresh instance of a project: no context writes yet (actors read their definition's
 * initial context), and the file's entities keyed by id, ids assigned where missing.
 */
export function initialState(
  project: ProjectFile,
  newId: () => string = newSortableId,
): InstanceState {
  const entities: InstanceState['entities'] = {}
  for (const schema of Object.keys(project.entities ?? {})) {
    if (!isSafeKey(schema)) continue
    const byId: Record<string, JsonObject> = {}
    for (const entity of project.entities![schema]!) {
      const given = entity.id
      const id = typeof given === 'string' || typeof given === 'number' ? String(given) : newId()
      if (isSafeKey(id)) byId[id] = { ...cloneJson(entity), id }
    }
    entities[schema] = byId
  }
  return { actors: {}, entities }
}
