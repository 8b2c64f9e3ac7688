import type { InstanceState, ProjectDefinition, RaisedEvent, TroupeIssue } from '@troupe/core'
import { coalesceEffects } from './coalesce'
import type { StateEffect } from './effects'
import { Overlay, StateReader } from './overlay'
import { type LogEntry, type ProcessOptions, processEventOver } from './process-event'

export interface BatchResult {
  /** Per raised event, in order: its cascade's log and whether the cascade bound stopped it. */
  events: { log: LogEntry[]; stopped?: TroupeIssue }[]
  /** The whole batch's writes, coalesced (see coalesceEffects). */
  effects: StateEffect[]
}

/**
 * Runs events in order over one copy-on-write overlay of `state` (never mutated): each event
 * sees what the earlier ones wrote, exactly as if they had been applied one by one, and the
 * batch returns one coalesced set of writes. This is how a burst costs one document change.
 */
export function processEvents(
  definition: ProjectDefinition,
  state: InstanceState,
  raised: readonly RaisedEvent[],
  options: ProcessOptions = {},
): BatchResult {
  const batch = new Overlay(new StateReader(state))
  const events: BatchResult['events'] = []
  for (const event of raised) {
    const result = processEventOver(definition, batch, event, options)
    for (const effect of result.effects) batch.apply(effect)
    events.push(result.stopped ? { log: result.log, stopped: result.stopped } : { log: result.log })
  }
  return { events, effects: coalesceEffects(batch.effects) }
}
