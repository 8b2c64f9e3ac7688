import type { ImmutableString } from '@automerge/automerge-repo'
import type { ActorState, InstanceState } from '@troupe/core'
import { type EntityBuckets, toBuckets } from './entity-buckets'

export const INSTANCE_DOC_TYPE = 'troupe/instance'
export const INSTANCE_DOC_VERSION = 3

/** How many log entries one segment of the log holds before a new segment starts. */
export const LOG_SEGMENT_SIZE = 1_000

/**
 * The instance document: the running state of one instance of a project.
 *
 * The log holds one ImmutableString of JSON per processed message, because (measured, see
 * BRIEF) nested objects per message make each change slower as the log grows while immutable
 * strings stay flat. The strings sit in segments of about LOG_SEGMENT_SIZE: Automerge's
 * materialised document copies a list it appends to, so one flat list of 100k entries made
 * every change copy 100k slots (measured: 2.4 ms a change at 10k entries, 8 ms at 50k), while
 * appending to the last short segment copies at most a thousand. Two peers that start a new
 * segment at once both keep theirs (list inserts never conflict); a segment may then hold a
 * few more or fewer entries, which nothing relies on.
 */
export interface InstanceDoc {
  type: typeof INSTANCE_DOC_TYPE
  version: number
  /** URL of the project document this instance runs. */
  project: string
  actors: Record<string, ActorState>
  /**
   * Each schema's entities spread over buckets (see entity-buckets.ts for why); read them flat
   * with `instanceState`. Version 2 and earlier kept `entities[schema][id]`.
   */
  entities: Record<string, EntityBuckets>
  log: ImmutableString[][]
  /**
   * The project document's heads the latest batch of events ran against, written with the
   * batch, so time travel can show each past state with the definition (views, skills,
   * wiring) it had then, even after hot edits. Absent until a studio or player raises events.
   */
  definitionHeads?: string[]
  /**
   * Epochs (see instance/epochs.ts). An instance is a chain of these documents: when one holds
   * its project's `epochSize` messages, a peer starts the next from its state. Set in every
   * epoch but the first: the epoch it was started from, at which heads, and how many messages
   * of the instance's history came before it.
   */
  previous?: EpochLink
  /** Set when this epoch was rotated: the epoch started from it. */
  next?: string
  /**
   * Set when this epoch lost a concurrent rotation (its previous epoch's `next` names another)
   * or descends from one that did: where its writes go instead. Followed before `next`.
   */
  supersededBy?: string
  /**
   * For each earlier epoch, the heads up to which its writes are in this one (by the fork, or
   * forwarded since): what forwarding late writes starts after.
   */
  included?: Record<string, string[]>
}

export interface EpochLink {
  url: string
  heads: string[]
  start: number
}

/** A new instance document's value, from the runtime's initial state of the project. */
export function newInstanceDoc(projectUrl: string, state: InstanceState): InstanceDoc {
  return {
    type: INSTANCE_DOC_TYPE,
    version: INSTANCE_DOC_VERSION,
    project: projectUrl,
    actors: state.actors,
    entities: Object.fromEntries(
      Object.entries(state.entities).map(([schema, byId]) => [schema, toBuckets(byId)]),
    ),
    log: [],
  }
}
