import type { ImmutableString } from '@automerge/automerge-repo'
import type { ActorState, InstanceState, JsonObject } from '@troupe/core'

export const INSTANCE_DOC_TYPE = 'troupe/instance'
export const INSTANCE_DOC_VERSION = 1

/**
 * The instance document: the running state of one instance of a project. The log holds one
 * ImmutableString of JSON per processed message, because (measured, see BRIEF) nested objects
 * per message make each change slower as the log grows while immutable strings stay flat.
 */
export interface InstanceDoc {
  type: typeof INSTANCE_DOC_TYPE
  version: number
  /** URL of the project document this instance runs. */
  project: string
  actors: Record<string, ActorState>
  entities: Record<string, Record<string, JsonObject>>
  log: ImmutableString[]
}

/** A new instance document's value, from the runtime's initial state of the project. */
export function newInstanceDoc(projectUrl: string, state: InstanceState): InstanceDoc {
  return {
    type: INSTANCE_DOC_TYPE,
    version: INSTANCE_DOC_VERSION,
    project: projectUrl,
    actors: state.actors,
    entities: state.entities,
    log: [],
  }
}
