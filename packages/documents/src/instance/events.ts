import { type DocHandle, ImmutableString } from '@automerge/automerge-repo'
import type { ProjectDefinition, RaisedEvent, TroupeIssue } from '@troupe/core'
import { applyEffects, type LogEntry, type ProcessOptions, processEvent } from '@troupe/runtime'
import type { InstanceDoc } from '../schema/instance'
import { repairContainers } from './containers'

export interface EventResult {
  /** What happened to each message of the event's cascade, in processing order. */
  log: LogEntry[]
  /** Set when the cascade hit the project's bound and was stopped. */
  stopped?: TroupeIssue
}

/**
 * Raises one event and processes its whole cascade inside ONE Automerge change, which also
 * appends the cascade's log entries. This is the exactly-once rule of docs/ARCHITECTURE.md:
 * no document ever holds an unprocessed message, so no other peer can process it again, and a
 * crash keeps either the whole change or none of it.
 */
export function raiseEvent(
  instance: DocHandle<InstanceDoc>,
  definition: ProjectDefinition,
  event: RaisedEvent,
  options?: ProcessOptions,
): EventResult {
  return raiseEvents(instance, definition, [event], options)[0]!
}

/**
 * Raises many events, in order, in one change: a burst (or a CLI script) costs one change
 * instead of one per event. Each event still sees the state the previous ones left.
 */
export function raiseEvents(
  instance: DocHandle<InstanceDoc>,
  definition: ProjectDefinition,
  events: RaisedEvent[],
  options?: ProcessOptions,
): EventResult[] {
  const results: EventResult[] = []
  if (!events.length) return results
  // Writes hidden by a merge of concurrently created maps come back before anything reads.
  repairContainers(instance)
  instance.change((doc) => {
    for (const event of events) {
      // The change proxy is the state: reads see this change's earlier writes.
      const outcome = processEvent(definition, doc, event, options)
      applyEffects(doc, outcome.effects)
      doc.log.push(...outcome.log.map((entry) => new ImmutableString(JSON.stringify(entry))))
      results.push(
        outcome.stopped ? { log: outcome.log, stopped: outcome.stopped } : { log: outcome.log },
      )
    }
  })
  return results
}
