import {
  type FinalState,
  finalState,
  formatIssue,
  type RaisedEvent,
  TroupeValidationError,
} from '@troupe/core'
import {
  importProjectFile,
  instanceState,
  LiveInstance,
  type ProjectHandles,
  projectDefinition,
  type Repo,
} from '@troupe/documents'
import { formatEventsIssue, parseEventsText } from './events-file'

export interface ReplayInput {
  /** The project file's text or parsed JSON. */
  project: string | unknown
  /** The events file's text or parsed list. */
  events: string | unknown
  /** Names used in problems: the files (or fixture) they came from. */
  projectName: string
  eventsName: string
  /** Ids and clock readings recorded with a run; without them ids are `id-1`, `id-2`, … */
  ids?: readonly string[]
  times?: readonly number[]
}

export type ReplayResult =
  | { ok: true; state: FinalState; handles: ProjectHandles; notes: string[] }
  | { ok: false; problems: string[] }

/**
 * Imports a project into `repo` and raises its events one by one through a LiveInstance, the
 * path the studio uses (one change per event, cascade included, a new epoch every
 * `epochSize` messages, the project pointed at it): what `troupe run` and `troupe test` both
 * do. A refused project or events file raises nothing. The handles name the current epoch.
 */
export function replay(repo: Repo, input: ReplayInput): ReplayResult {
  let handles: ProjectHandles
  try {
    handles = importProjectFile(repo, input.project)
  } catch (error) {
    if (!(error instanceof TroupeValidationError)) throw error
    const problems = error.issues.map(formatIssue)
    return {
      ok: false,
      problems: [...problems, `${input.projectName} is refused: nothing was run`],
    }
  }
  const definition = projectDefinition(handles.project.doc())
  const eventsText = typeof input.events === 'string' ? input.events : JSON.stringify(input.events)
  const parsed = parseEventsText(eventsText, new Set(Object.keys(definition.actors)))
  if (!parsed.ok) {
    const problems = parsed.issues.map((issue) => formatEventsIssue(input.eventsName, issue))
    return { ok: false, problems: [...problems, `${input.eventsName} is refused: nothing was run`] }
  }
  const notes: string[] = []
  const options = { newId: sequence(input.ids), now: clock(input.times) }
  const live = new LiveInstance(repo, handles.instance)
  live.onEpoch((epoch) => {
    handles.project.change((doc) => {
      doc.instanceUrl = epoch.url
    })
  })
  parsed.events.forEach((event: RaisedEvent, index) => {
    const [result] = live.raise(definition, [event], options)
    if (!result) return
    if (result.stopped) {
      notes.push(
        `event ${index} (${event.event} from "${event.from}"): ${formatIssue(result.stopped)}`,
      )
    }
  })
  // One peer, raising synchronously: every rotation already happened, nothing runs behind.
  live.close()
  const instance = live.epoch
  return {
    ok: true,
    state: finalState(definition, instanceState(instance.doc())),
    handles: { ...handles, instance },
    notes,
  }
}

/** Recorded ids in order, then sequential ones, so the same files always give the same ids. */
function sequence(recorded: readonly string[] = []): () => string {
  let next = 0
  return () => {
    const id = next < recorded.length ? recorded[next]! : `id-${next + 1}`
    next++
    return id
  }
}

/** Recorded clock readings in order; after them (or without), the current time. */
function clock(recorded: readonly number[] = []): () => number {
  let next = 0
  return () => (next < recorded.length ? recorded[next++]! : Date.now())
}
