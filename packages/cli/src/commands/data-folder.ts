import { BackupError, DataFolderInUse } from '@troupe/documents/node'
import { EXIT_REFUSED, type Io } from '../io'

/** The server's default data folder (apps/server/src/options.ts); `--data` names another. */
export const DEFAULT_DATA_DIR = './data'

/** Prints a progress line at most once a second, and always the last one. */
export function progressPrinter(io: Io, verb: string) {
  let last = 0
  return (progress: { documents: number; totalDocuments: number; bytes: number }) => {
    const now = Date.now()
    if (progress.documents < progress.totalDocuments && now - last < 1000) return
    last = now
    io.err(
      `${verb} ${progress.documents}/${progress.totalDocuments} documents, ${mebibytes(progress.bytes)}`,
    )
  }
}

export function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`
}

/** A refusal (TRP code and what to do) goes to stderr with exit 1; anything else is a bug. */
export function refused(error: unknown, io: Io): number {
  if (error instanceof BackupError || error instanceof DataFolderInUse) {
    io.err(error.message)
    return EXIT_REFUSED
  }
  throw error
}
