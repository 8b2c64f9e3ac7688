import type { InstanceState } from '@troupe/core'
import type { LogEntry } from '@troupe/runtime'
import type { InstanceDoc } from '../schema/instance'

/**
 * The running state of an instance document, as the runtime and renderer read it. Reads the
 * document in place (no copy); treat it as read-only.
 */
export function instanceState(doc: InstanceDoc): InstanceState {
  return { actors: doc.actors, entities: doc.entities }
}

/** The message log, oldest first. Each stored entry is one immutable string of JSON. */
export function readLog(doc: InstanceDoc, from = 0): LogEntry[] {
  const out: LogEntry[] = []
  for (let i = from; i < doc.log.length; i++) out.push(JSON.parse(doc.log[i]!.val) as LogEntry)
  return out
}
