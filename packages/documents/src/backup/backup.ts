import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { issueCodes } from '@troupe/core'
import { chunkProblem } from '../server/chunks'
import { BackupError } from './backup-error'
import {
  documentFiles,
  documentSummary,
  listDataFolder,
  sha256,
  writeFileDurably,
} from './data-files'
import { type BackupFile, type BackupManifest, MANIFEST_FILE, MANIFEST_FORMAT } from './manifest'

export interface BackupProgress {
  documents: number
  totalDocuments: number
  bytes: number
}

export interface BackupOptions {
  /** Told after each document is copied (the CLI prints a line now and then). */
  onProgress?: (progress: BackupProgress) => void
}

/** A document whose files keep changing under the copy is listed again up to this often. */
const MAX_PASSES = 50

/**
 * Copies the data folder `dataDir` into the new or empty folder `target`, safely while a
 * server runs on it:
 * - Only whole Automerge chunk files are copied, each checked (magic, length, checksum); the
 *   server writes every file to a temporary name and renames it, so a file is never half
 *   written, and a file that fails the checks is left out and named (TRP-617).
 * - A chunk's name is the hash of what it holds, so a copied file never changes afterwards.
 *   A file can vanish while the copy runs (the server compacted the document: it wrote a
 *   snapshot holding those changes first, then deleted the older files); the document is then
 *   listed again and the new files copied, until a listing holds nothing new. Each document
 *   in the backup therefore holds at least everything it held on disk when its copy ended,
 *   and every change acknowledged before the backup started.
 * - Each document is loaded from the copied chunks; its heads and change count go into the
 *   manifest, which is written last: a folder without one is an unfinished backup.
 */
export async function backupDataFolder(
  dataDir: string,
  target: string,
  options: BackupOptions = {},
): Promise<BackupManifest> {
  const source = resolve(dataDir)
  const into = resolve(target)
  if (!(await isFolder(source))) {
    throw new BackupError(
      issueCodes.noDataFolder,
      `there is no data folder at ${source}. Name the folder the server stores documents in with --data (the server's default is ./data).`,
    )
  }
  if ((await entries(into)).length > 0) {
    throw new BackupError(
      issueCodes.backupTargetNotEmpty,
      `the backup folder ${into} is not empty. Back up into a new or empty folder, so no older backup is mixed in.`,
    )
  }
  await mkdir(into, { recursive: true, mode: 0o700 })

  const listing = await listDataFolder(source)
  const manifest: BackupManifest = {
    troupeBackup: MANIFEST_FORMAT,
    createdAt: new Date().toISOString(),
    source,
    counts: { documents: 0, files: 0, bytes: 0, changes: 0 },
    documents: {},
    settings: [],
    skipped: [],
  }
  const ids = [...listing.documents.keys()].sort()
  for (const [index, id] of ids.entries()) {
    const files = await copyDocument(source, into, id, manifest)
    if (files.length > 0) {
      const chunks = await Promise.all(files.map((file) => readFile(join(into, file.path))))
      const summary = documentSummary(chunks.map((chunk) => new Uint8Array(chunk)))
      manifest.documents[id] = { files, ...summary }
      manifest.counts.documents++
      manifest.counts.files += files.length
      manifest.counts.changes += summary.changes
      for (const file of files) manifest.counts.bytes += file.bytes
    }
    options.onProgress?.({
      documents: index + 1,
      totalDocuments: ids.length,
      bytes: manifest.counts.bytes,
    })
  }
  for (const name of listing.settings) {
    const data = await readIfPresent(join(source, name))
    if (!data) continue
    await writeFileDurably(join(into, name), data, 0o600)
    manifest.settings.push({ path: name, bytes: data.byteLength, sha256: sha256(data) })
  }
  const temp = join(into, `${MANIFEST_FILE}.tmp`)
  await writeFileDurably(temp, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`))
  await rename(temp, join(into, MANIFEST_FILE))
  return manifest
}

async function copyDocument(
  source: string,
  into: string,
  id: string,
  manifest: BackupManifest,
): Promise<BackupFile[]> {
  const copied = new Map<string, BackupFile>()
  const refused = new Set<string>()
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let vanished = false
    for (const path of await documentFiles(source, id)) {
      if (copied.has(path) || refused.has(path)) continue
      const data = await readIfPresent(join(source, path))
      if (!data) {
        vanished = true
        continue
      }
      const problem = chunkProblem(data)
      if (problem) {
        refused.add(path)
        manifest.skipped.push({ path, problem })
        continue
      }
      await writeFileDurably(join(into, path), data)
      copied.set(path, { path, bytes: data.byteLength, sha256: sha256(data) })
    }
    if (!vanished) return [...copied.values()]
  }
  throw new Error(`the files of document ${id} kept changing during ${MAX_PASSES} listings`)
}

async function readIfPresent(path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/** The names in a folder; none when it does not exist. */
export async function entries(path: string): Promise<string[]> {
  try {
    return await readdir(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return []
    if (code === 'ENOTDIR') return [path]
    throw error
  }
}
