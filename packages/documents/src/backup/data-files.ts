import { createHash } from 'node:crypto'
import { mkdir, open, readdir } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import * as A from '@automerge/automerge'
import { encodeHeads } from '@automerge/automerge-repo'
import { QUARANTINE_DIR, walk } from '../server/file-storage'
import { LOCK_FILE } from './data-lock'

/**
 * What a data folder holds, as a backup sees it (the layout of FileStorage / NodeFS):
 * `<id[0..2]>/<id[2..]>/{snapshot,incremental}/<hash>` are a document's Automerge chunks;
 * regular files at the top (the owner token) are the server's settings. Everything else is
 * left out on purpose: sync states and the storage id (a restored folder gets a fresh storage
 * id, so no client trusts what it remembered about the old one), quarantined files, temporary
 * files of an interrupted save, and the lock of a running server.
 */
export interface DataFolderContents {
  /** Document id -> its chunk files, relative to the data folder. */
  documents: Map<string, string[]>
  /** Top-level settings files, relative to the data folder. */
  settings: string[]
}

const CHUNK_KINDS = new Set(['snapshot', 'incremental'])

export async function listDataFolder(dataDir: string): Promise<DataFolderContents> {
  const documents = new Map<string, string[]>()
  const settings: string[] = []
  for (const path of await walk(dataDir)) {
    const parts = relative(dataDir, path).split(sep)
    if (parts.length === 1) {
      if (parts[0] !== LOCK_FILE && !parts[0]?.includes('.tmp-')) settings.push(parts[0] as string)
      continue
    }
    const [a = '', b = '', kind = '', name = ''] = parts
    if (a === QUARANTINE_DIR || parts.length !== 4 || !CHUNK_KINDS.has(kind)) continue
    if (name.includes('.tmp-')) continue
    const id = a + b
    const files = documents.get(id) ?? []
    files.push(parts.join('/'))
    documents.set(id, files)
  }
  return { documents, settings }
}

/** The chunk files one document has on disk right now (relative paths), newest listing. */
export async function documentFiles(dataDir: string, documentId: string): Promise<string[]> {
  const folder = [documentId.slice(0, 2), documentId.slice(2)]
  const files: string[] = []
  for (const kind of CHUNK_KINDS) {
    let names: string[] = []
    try {
      names = await readdir(join(dataDir, ...folder, kind))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    for (const name of names)
      if (!name.includes('.tmp-')) files.push([...folder, kind, name].join('/'))
  }
  return files
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Loads a document from its chunks as automerge-repo would; returns its heads (as the repo
 * shows them: `handle.heads()`, the part after `#` in a URL) and its change count.
 */
export function documentSummary(chunks: Uint8Array[]): { heads: string[]; changes: number } {
  let doc = A.init<unknown>()
  for (const chunk of chunks) doc = A.loadIncremental(doc, chunk)
  return { heads: [...encodeHeads(A.getHeads(doc))].sort(), changes: A.stats(doc).numChanges }
}

/** Writes a whole file and flushes it to disk before resolving. */
export async function writeFileDurably(
  path: string,
  data: Uint8Array,
  mode = 0o644,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const file = await open(path, 'w', mode)
  try {
    await file.writeFile(data)
    await file.datasync()
  } finally {
    await file.close()
  }
}
