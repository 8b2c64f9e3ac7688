import { ImmutableString } from '@automerge/automerge-repo'
import type { InstanceState } from '@troupe/core'
import type { LogEntry } from '@troupe/runtime'
import { ENTITY_BUCKETS_SINCE_VERSION, flatEntities } from '../schema/entity-buckets'
import { type InstanceDoc, LOG_SEGMENT_SIZE } from '../schema/instance'

/**
 * The running state of an instance document, as the runtime and renderer read it: actors in
 * place, entities flat (built once per changed schema, see entity-buckets.ts); treat it as
 * read-only. A document of version 2 or earlier (a past state seen through time travel) kept
 * its entities flat already.
 */
export function instanceState(doc: InstanceDoc): InstanceState {
  const entities =
    typeof doc.version === 'number' && doc.version >= ENTITY_BUCKETS_SINCE_VERSION
      ? flatEntities(doc.entities)
      : (doc.entities as unknown as InstanceState['entities'])
  return { actors: doc.actors, entities }
}

/** How many messages the log holds. */
export function logLength(doc: InstanceDoc): number {
  let length = 0
  for (const segment of doc.log) length += segment.length
  return length
}

/**
 * The message log from entry `from` on, oldest first. Each stored entry is one immutable
 * string of JSON; only the entries asked for are parsed, so readers that follow the log
 * (the Messages panel) pass the count they already have.
 */
export function readLog(doc: InstanceDoc, from = 0): LogEntry[] {
  const out: LogEntry[] = []
  let start = 0
  for (const segment of doc.log) {
    const end = start + segment.length
    if (end > from) {
      for (let i = Math.max(0, from - start); i < segment.length; i++) {
        out.push(JSON.parse(segment[i]!.val) as LogEntry)
      }
    }
    start = end
  }
  return out
}

/**
 * Appends entries to the log inside a change: into the last segment while it has room, then
 * into new segments (see InstanceDoc for why the log is segmented).
 */
export function appendLog(doc: InstanceDoc, entries: readonly LogEntry[]): void {
  let next = 0
  while (next < entries.length) {
    let last = doc.log[doc.log.length - 1]
    if (!last || last.length >= LOG_SEGMENT_SIZE) {
      doc.log.push([])
      last = doc.log[doc.log.length - 1]!
    }
    const room = LOG_SEGMENT_SIZE - last.length
    const chunk = entries.slice(next, next + room)
    last.push(...chunk.map((entry) => new ImmutableString(JSON.stringify(entry))))
    next += chunk.length
  }
}
