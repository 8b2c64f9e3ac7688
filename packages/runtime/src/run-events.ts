import type { InstanceState, ProjectFile, RaisedEvent, TroupeIssue } from '@troupe/core'
import { applyEffects } from './effects'
import { initialState } from './initial-state'
import { type LogEntry, type ProcessOptions, processEvent } from './process-event'

/** Runs events one after another on in-memory state (tests, benchmarks, the CLI's dry runs). */
export function runEvents(
  project: ProjectFile,
  events: readonly RaisedEvent[],
  options: ProcessOptions & { state?: InstanceState } = {},
): { state: InstanceState; log: LogEntry[]; stopped: TroupeIssue[] } {
  const state = options.state ?? initialState(project, options.newId)
  const log: LogEntry[] = []
  const stopped: TroupeIssue[] = []
  for (const event of events) {
    const result = processEvent(project, state, event, options)
    applyEffects(state, result.effects)
    log.push(...result.log)
    if (result.stopped) stopped.push(result.stopped)
  }
  return { state, log, stopped }
}
