import type { DocHandle } from '@automerge/automerge-repo'
import type { ProjectDefinition, RaisedEvent, TroupeIssue } from '@troupe/core'
import { type LogEntry, type ProcessOptions, processEvents, writeEffects } from '@troupe/runtime'
import { migrateHandle } from '../repo/migrate-handle'
import { sameHeads } from '../repo/same-heads'
import type { InstanceDoc } from '../schema/instance'
import { instanceMigrations } from '../schema/instance-migrations'
import { repairContainers } from './containers'
import { documentEntityStore } from './entity-store'
import { appendLog, instanceState } from './state'

/** How to raise: the runtime's options, and the project heads the definition was read at. */
export interface RaiseOptions extends ProcessOptions {
  definitionHeads?: readonly string[]
}

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
  options?: RaiseOptions,
): EventResult {
  return raiseEvents(instance, definition, [event], options)[0]!
}

/**
 * Raises many events, in order, in one change: a burst (or a CLI script) costs one change
 * instead of one per event. Each event still sees the state the previous ones left.
 *
 * The runtime reads the materialised document (plain objects, fast) through one overlay for
 * the whole batch, and the change writes only the batch's coalesced effects and one append
 * of its log entries. Reading through the change proxy instead cost a call into Automerge per
 * read, and writing every effect cost an operation per write, kept in history forever.
 * Reading and writing happen in the same synchronous step, so nothing can land in between.
 */
export function raiseEvents(
  instance: DocHandle<InstanceDoc>,
  definition: ProjectDefinition,
  events: readonly RaisedEvent[],
  options?: RaiseOptions,
): EventResult[] {
  if (!events.length) return []
  // An epoch opened without openProject (a published app's, a peer's) may still be of an
  // older version: the writes below use the current shape (entity buckets).
  migrateHandle(instance, instanceMigrations)
  // Writes hidden by a merge of concurrently created maps come back before anything reads.
  repairContainers(instance)
  const batch = processEvents(definition, instanceState(instance.doc()), events, options)
  const heads = options?.definitionHeads
  instance.change((doc) => {
    writeEffects(doc.actors, documentEntityStore(doc.entities), batch.effects)
    // Written only when it moved: most batches run against the same definition.
    if (heads && !sameHeads(doc.definitionHeads, heads)) doc.definitionHeads = [...heads]
    appendLog(
      doc,
      batch.events.flatMap((event) => event.log),
    )
  })
  return batch.events
}
