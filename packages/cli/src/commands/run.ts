import { formatIssue, TroupeValidationError } from '@troupe/core'
import { importProjectFile, instanceState, projectDefinition, raiseEvents } from '@troupe/documents'
import { createNodeRepo } from '@troupe/documents/node'
import { formatEventsIssue, parseEventsText } from '../events-file'
import { finalState } from '../final-state'
import { EXIT_OK, EXIT_REFUSED, type Io } from '../io'
import { readInputFile } from '../read-file'

export interface RunOptions {
  projectPath: string
  eventsPath: string
  /** Store the documents on disk here; without it the repo lives in memory. */
  dataDir?: string
}

/**
 * `troupe run <project.json> --events <events.json> [--data DIR]`: imports the project into a
 * real automerge-repo, raises each event through the same path the studio uses (raiseEvent:
 * one Automerge change per event, cascade included) and prints the final state as JSON.
 */
export async function runCommand(options: RunOptions, io: Io): Promise<number> {
  const projectText = await readInputFile(options.projectPath, 'project file')
  const eventsText = await readInputFile(options.eventsPath, 'events file')
  const repo = createNodeRepo(options.dataDir ? { dataDir: options.dataDir } : {})
  try {
    let handles: ReturnType<typeof importProjectFile>
    try {
      handles = importProjectFile(repo, projectText)
    } catch (error) {
      if (!(error instanceof TroupeValidationError)) throw error
      for (const issue of error.issues) io.err(formatIssue(issue))
      io.err(`${options.projectPath} is refused: nothing was run`)
      return EXIT_REFUSED
    }
    const definition = projectDefinition(handles.project.doc())
    const parsed = parseEventsText(eventsText, new Set(Object.keys(definition.actors)))
    if (!parsed.ok) {
      for (const issue of parsed.issues) io.err(formatEventsIssue(options.eventsPath, issue))
      io.err(`${options.eventsPath} is refused: nothing was run`)
      return EXIT_REFUSED
    }
    // Sequential ids, so the same files always print the same state (entity ids included).
    let next = 0
    const ids = { newId: () => `id-${++next}` }
    // One change for the whole script: each event still sees the state the earlier ones left.
    const results = raiseEvents(handles.instance, definition, parsed.events, ids)
    parsed.events.forEach((event, index) => {
      const result = results[index]!
      if (result.stopped) {
        io.err(
          `event ${index} (${event.event} from "${event.from}"): ${formatIssue(result.stopped)}`,
        )
      }
    })
    io.out(JSON.stringify(finalState(definition, instanceState(handles.instance.doc())), null, 2))
    if (options.dataDir) {
      io.err(
        `Stored in ${options.dataDir}: project ${handles.project.url}, instance ${handles.instance.url}`,
      )
    }
    return EXIT_OK
  } finally {
    // Writes everything still pending to disk (a no-op in memory) before the process ends.
    await repo.flush()
    await repo.shutdown()
  }
}
