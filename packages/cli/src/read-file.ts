import { readFile } from 'node:fs/promises'

/** Reads a file named on the command line, with an error that names it when that fails. */
export async function readInputFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    throw new UsageError(`cannot read the ${what} ${path}: ${reason}`)
  }
}

/** A problem with how the command was called (exit code 2), not with the project. */
export class UsageError extends Error {
  override name = 'UsageError'
}
