import { createNodeRepo } from '@troupe/documents/node'
import { EXIT_OK, EXIT_REFUSED, type Io } from '../io'
import { readInputFile } from '../read-file'
import { replay } from '../replay'

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
    const result = replay(repo, {
      project: projectText,
      events: eventsText,
      projectName: options.projectPath,
      eventsName: options.eventsPath,
    })
    if (!result.ok) {
      for (const problem of result.problems) io.err(problem)
      return EXIT_REFUSED
    }
    for (const note of result.notes) io.err(note)
    io.out(JSON.stringify(result.state, null, 2))
    if (options.dataDir) {
      const { project, instance } = result.handles
      io.err(`Stored in ${options.dataDir}: project ${project.url}, instance ${instance.url}`)
    }
    return EXIT_OK
  } finally {
    // Writes everything still pending to disk (a no-op in memory) before the process ends.
    await repo.flush()
    await repo.shutdown()
  }
}
