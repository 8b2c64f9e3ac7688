import { restoreDataFolder } from '@troupe/documents/node'
import { EXIT_OK, type Io } from '../io'
import { mebibytes, progressPrinter, refused } from './data-folder'

/**
 * `troupe restore <dir> [--data DIR] [--force]`: checks the whole backup, then puts it in
 * place of the data folder. Refuses while a server holds the folder (TRP-613) and a non-empty
 * folder without --force (TRP-614).
 */
export async function restoreCommand(
  backupDir: string,
  dataDir: string,
  force: boolean,
  io: Io,
): Promise<number> {
  try {
    const { manifest, replacedTo } = await restoreDataFolder(backupDir, dataDir, {
      force,
      onProgress: progressPrinter(io, 'checked and restored'),
    })
    if (replacedTo) io.err(`The previous contents of ${dataDir} were moved to ${replacedTo}`)
    const { documents, files, bytes, changes } = manifest.counts
    io.out(
      `Restored ${documents} documents (${files} files, ${mebibytes(bytes)}, ${changes} changes) from the backup of ${manifest.createdAt} into ${dataDir}`,
    )
    return EXIT_OK
  } catch (error) {
    return refused(error, io)
  }
}
