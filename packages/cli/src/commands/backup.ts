import { issueCodes } from '@troupe/core'
import { backupDataFolder } from '@troupe/documents/node'
import { EXIT_OK, EXIT_REFUSED, type Io } from '../io'
import { mebibytes, progressPrinter, refused } from './data-folder'

/**
 * `troupe backup <dir> [--data DIR]`: copies the data folder into a new backup folder, also
 * while the server runs (see backupDataFolder for why that is safe). Prints a summary; a
 * damaged file that was left out is named (TRP-617) and makes the exit code 1.
 */
export async function backupCommand(target: string, dataDir: string, io: Io): Promise<number> {
  try {
    const manifest = await backupDataFolder(dataDir, target, {
      onProgress: progressPrinter(io, 'backed up'),
    })
    for (const file of manifest.skipped) {
      io.err(
        `${issueCodes.backupSkippedFile} ${file.path} failed Automerge's checks (${file.problem}) and was left out of the backup; the server quarantines it when it loads that document.`,
      )
    }
    const { documents, files, bytes, changes } = manifest.counts
    io.out(
      `Backed up ${documents} documents (${files} files, ${mebibytes(bytes)}, ${changes} changes) from ${manifest.source} into ${target}`,
    )
    return manifest.skipped.length > 0 ? EXIT_REFUSED : EXIT_OK
  } catch (error) {
    return refused(error, io)
  }
}
