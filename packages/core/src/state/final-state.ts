import type { InstanceState } from '../model/instance'
import type { JsonObject } from '../model/json'
import type { ProjectDefinition } from '../model/project'
import { effectiveChildren, effectiveContext } from './effective'
import { naturalCompare } from './queries'

export interface FinalState {
  actors: Record<string, { context: JsonObject; children: string[] }>
  entities: Record<string, JsonObject[]>
}

/**
 * What `troupe run` prints, a test fixture expects and the studio's diffs compare. Each actor's `context` is its EFFECTIVE context: the initial
 * context with the instance's writes on top and every `queries.<key>.items` filled from the
 * entities, i.e. exactly what the actor's view sees. `children` are its effective children
 * (after any view swap). Entities are listed per schema in id order (natural: t2 before t10),
 * so the output is the same on every run and every machine.
 */
export function finalState(definition: ProjectDefinition, state: InstanceState): FinalState {
  const actors: FinalState['actors'] = {}
  for (const id of Object.keys(definition.actors).sort()) {
    actors[id] = {
      context: effectiveContext(definition, state, id),
      children: effectiveChildren(definition, state, id),
    }
  }
  const entities: FinalState['entities'] = {}
  for (const schema of Object.keys(state.entities).sort()) {
    const byId = state.entities[schema] ?? {}
    entities[schema] = Object.keys(byId)
      .sort(naturalCompare)
      .map((id) => byId[id] as JsonObject)
  }
  return JSON.parse(JSON.stringify({ actors, entities })) as FinalState
}
