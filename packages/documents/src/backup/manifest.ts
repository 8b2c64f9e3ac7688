import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { issueCodes } from '@troupe/core'
import { BackupError } from './backup-error'

export const MANIFEST_FILE = 'troupe-backup.json'
export const MANIFEST_FORMAT = 1

export interface BackupFile {
  /** Relative to the data folder (and to the backup folder, which has the same layout). */
  path: string
  bytes: number
  sha256: string
}

export interface BackupManifest {
  troupeBackup: typeof MANIFEST_FORMAT
  createdAt: string
  /** The data folder it was taken from (absolute). */
  source: string
  counts: { documents: number; files: number; bytes: number; changes: number }
  documents: Record<string, { files: BackupFile[]; heads: string[]; changes: number }>
  /** Top-level settings files (the owner token), restored with mode 0600. */
  settings: BackupFile[]
  /** Files of the data folder that failed Automerge's checks and were left out (TRP-617). */
  skipped: { path: string; problem: string }[]
}

/** Reads and checks the manifest of a backup folder; a TRP-615 BackupError when it is not one. */
export async function readManifest(backupDir: string): Promise<BackupManifest> {
  let text: string
  try {
    text = await readFile(join(backupDir, MANIFEST_FILE), 'utf8')
  } catch {
    throw new BackupError(
      issueCodes.notABackup,
      `${backupDir} holds no ${MANIFEST_FILE}: it is not a finished Troupe backup (a backup writes its manifest last). Name the folder \`pnpm troupe backup\` wrote.`,
    )
  }
  let manifest: BackupManifest
  try {
    manifest = JSON.parse(text) as BackupManifest
  } catch (error) {
    throw new BackupError(
      issueCodes.notABackup,
      `${join(backupDir, MANIFEST_FILE)} is not valid JSON (${(error as Error).message}).`,
    )
  }
  if (manifest.troupeBackup !== MANIFEST_FORMAT || typeof manifest.documents !== 'object') {
    throw new BackupError(
      issueCodes.notABackup,
      `${join(backupDir, MANIFEST_FILE)} is not a Troupe backup manifest of format ${MANIFEST_FORMAT}; restore it with the Troupe version that wrote it.`,
    )
  }
  return manifest
}
