import { formatIssue, parseProjectText } from '@troupe/core'
import { EXIT_OK, EXIT_REFUSED, type Io } from '../io'
import { readInputFile } from '../read-file'

/**
 * `troupe validate <project.json>`: runs every check an import runs (core's parseProjectText)
 * and prints OK, or each issue with its code, actor and JSON path.
 */
export async function validateCommand(projectPath: string, io: Io): Promise<number> {
  const result = parseProjectText(await readInputFile(projectPath, 'project file'))
  if (result.ok) {
    const count = Object.keys(result.project.actors).length
    io.out(
      `OK ${projectPath}: ${count} actor${count === 1 ? '' : 's'}, root "${result.project.root}"`,
    )
    return EXIT_OK
  }
  for (const issue of result.issues) io.err(formatIssue(issue))
  io.err(
    `${projectPath} is refused: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`,
  )
  return EXIT_REFUSED
}
