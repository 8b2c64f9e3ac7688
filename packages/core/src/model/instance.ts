import type { JsonObject } from './json'

/**
 * The running state of one instance, as plain data. The runtime reads and writes this shape;
 * the documents layer stores it in an Automerge instance document; the renderer reads it.
 */
export interface ActorState {
  /** Context written by skills. Absent keys fall back to the definition's initial context. */
  context?: JsonObject
  /** Children after a view swap; absent means the definition's children. */
  children?: string[]
}

export interface InstanceState {
  actors: Record<string, ActorState>
  /** Entities by schema name, then by entity id. Every entity carries its own `id`. */
  entities: Record<string, Record<string, JsonObject>>
}

/** An event raised by an actor's view (or by the CLI / an API call), payload already resolved. */
export interface RaisedEvent {
  from: string
  event: string
  payload?: import('./json').Json
}
