import { readFile, rename, rm, rmdir } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { issueCodes } from '@troupe/core'
import { chunkProblem } from '../server/chunks'
import { entries } from './backup'
import { BackupError } from './backup-error'
import { documentSummary, sha256, writeFileDurably } from './data-files'
import { DataFolderInUse, dataFolderHolder } from './data-lock'
import { type BackupFile, type BackupManifest, readManifest } from './manifest'

export interface RestoreOptions {
  /** Replace a data folder that is not empty (its old contents are kept beside it). */
  force?: boolean
  onProgress?: (progress: { documents: number; totalDocuments: number; bytes: number }) => void
}

export interface RestoreResult {
  manifest: BackupManifest
  /** Where the data folder's previous contents were moved (with force), if it had any. */
  replacedTo?: string
}

/**
 * Restores a backup folder into `dataDir`. Nothing in `dataDir` changes until the whole backup
 * has been checked: every file against the manifest's checksum and Automerge's chunk checks,
 * every document loaded and compared with the heads the backup recorded. The files are
 * written to a folder beside `dataDir` first, which then takes its place in one rename.
 * Refuses while a server holds `dataDir` (TRP-613), and a non-empty `dataDir` without
 * `force` (TRP-614); with `force`, the old contents are moved to `<dataDir>.replaced-<time>`,
 * never deleted.
 */
export async function restoreDataFolder(
  backupDir: string,
  dataDir: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const from = resolve(backupDir)
  const target = resolve(dataDir)
  const manifest = await readManifest(from)
  const refuseIfHeld = () => {
    const holder = dataFolderHolder(target)
    if (holder) throw new DataFolderInUse(target, holder)
  }
  refuseIfHeld()
  const existing = await entries(target)
  if (existing.length > 0 && !options.force) {
    throw new BackupError(
      issueCodes.restoreTargetNotEmpty,
      `the data folder ${target} is not empty (${existing.length} entries). Restore into a new folder with --data, or add --force to replace it (its contents are moved to ${basename(target)}.replaced-<time>, not deleted).`,
    )
  }

  const staging = join(dirname(target), `.${basename(target)}.restoring-${process.pid}`)
  await rm(staging, { recursive: true, force: true })
  try {
    const ids = Object.keys(manifest.documents)
    let bytes = 0
    for (const [index, id] of ids.entries()) {
      const entry = manifest.documents[id] as BackupManifest['documents'][string]
      const chunks: Uint8Array[] = []
      for (const file of entry.files) {
        const data = await checkedFile(from, file, true)
        await writeFileDurably(join(staging, file.path), data)
        chunks.push(data)
        bytes += data.byteLength
      }
      const { heads } = documentSummary(chunks)
      if (heads.join() !== [...entry.heads].sort().join()) {
        throw damaged(`document ${id} does not load to the heads the backup recorded`)
      }
      options.onProgress?.({ documents: index + 1, totalDocuments: ids.length, bytes })
    }
    for (const file of manifest.settings) {
      await writeFileDurably(join(staging, file.path), await checkedFile(from, file, false), 0o600)
    }
    refuseIfHeld() // a server may have started on it meanwhile
    let replacedTo: string | undefined
    if (existing.length > 0) {
      replacedTo = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`
      await rename(target, replacedTo)
    } else {
      await rmdir(target).catch(() => {}) // an empty folder, or none
    }
    await rename(staging, target)
    return { manifest, ...(replacedTo ? { replacedTo } : {}) }
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
}

async function checkedFile(from: string, file: BackupFile, chunk: boolean): Promise<Uint8Array> {
  let data: Uint8Array
  try {
    data = new Uint8Array(await readFile(join(from, file.path)))
  } catch {
    throw damaged(`${file.path} is missing from the backup`)
  }
  if (data.byteLength !== file.bytes || sha256(data) !== file.sha256) {
    throw damaged(`${file.path} does not match the checksum in the manifest`)
  }
  const problem = chunk ? chunkProblem(data) : undefined
  if (problem) throw damaged(`${file.path} fails Automerge's checks (${problem})`)
  return data
}

function damaged(what: string): BackupError {
  return new BackupError(
    issueCodes.backupDamaged,
    `the backup is damaged: ${what}. Nothing was restored; use another backup (or a copy of this one from before it was damaged).`,
  )
}
