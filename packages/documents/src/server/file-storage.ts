import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import type { Chunk, StorageAdapterInterface, StorageKey } from '@automerge/automerge-repo'
import { chunkProblem } from './chunks'

export interface CorruptFile {
  /** Where the file was, relative to the data folder. */
  path: string
  /** The document it belonged to (the first storage key). */
  documentId: string
  problem: string
  /** Where it was moved, relative to the data folder. */
  movedTo: string
}

export interface FileStorageOptions {
  /**
   * fsync each file and its folder before a save resolves, so an acknowledged change also
   * survives power loss, not only a killed process. On by default; benchmarks show the cost.
   */
  fsync?: boolean
  /** Told about every file that fails its chunk checks; the file is moved aside. */
  onCorrupt?: (file: CorruptFile) => void
}

export const QUARANTINE_DIR = 'quarantine'

/**
 * automerge-repo storage on disk, in the same layout as NodeFSStorageAdapter (so existing
 * data folders load), made safe for crashes:
 * - a save writes a temporary file, fsyncs it, renames it over the target and fsyncs the
 *   folder, so a file is either whole or absent, never cut short;
 * - a load checks every document chunk (magic, length, checksum); a file that fails is
 *   reported, moved to `quarantine/`, and skipped, so the rest of the document and every
 *   other document still load;
 * - no in-memory cache of every byte ever written (NodeFS keeps one, which grows forever);
 * - it tracks each loaded document's bytes on disk, for the document size limit.
 */
export class FileStorage implements StorageAdapterInterface {
  readonly #base: string
  readonly #fsync: boolean
  readonly #onCorrupt: (file: CorruptFile) => void
  readonly #sizes = new Map<string, Map<string, number>>()
  /** Folders this process created or found: a save into one skips the mkdir (one less disk round trip before the acknowledgement). */
  readonly #folders = new Set<string>()
  #temp = 0

  constructor(base: string, options: FileStorageOptions = {}) {
    this.#base = base
    this.#fsync = options.fsync ?? true
    this.#onCorrupt = options.onCorrupt ?? (() => {})
  }

  /** Bytes on disk of a document this process has loaded or saved (0 when unknown). */
  documentBytes(documentId: string): number {
    let total = 0
    for (const size of this.#sizes.get(documentId)?.values() ?? []) total += size
    return total
  }

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    const path = this.#path(key)
    try {
      const data = new Uint8Array(await readFile(path))
      if (!isDocumentChunk(key)) return data
      return (await this.#checked(key, path, data)) ? data : undefined
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }

  /**
   * Writes with synchronous calls, on purpose: the sync server sends a client's
   * acknowledgement only after this resolves, and an asynchronous save is nine trips through
   * the thread pool, each waiting for a turn of the event loop. Under load (50 clients, a busy
   * machine) the loop is queued up with incoming sync messages, and `pnpm bench server`
   * measured acknowledgements waiting seconds behind saves (p50 3.3 s) while the disk work
   * itself takes about half a millisecond (temp file, fdatasync, rename, folder fsync). Done
   * synchronously the save blocks the loop for that half millisecond and resolves within the
   * same turn.
   */
  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    const path = this.#path(key)
    const folder = dirname(path)
    const temp = `${path}.tmp-${process.pid}-${this.#temp++}`
    const fd = this.#create(folder, temp)
    try {
      writeFileSync(fd, data)
      if (this.#fsync) fdatasyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
    if (this.#fsync) syncFolder(folder)
    this.#track(key, data.byteLength)
  }

  /** Opens a new file in `folder`, creating the folder the first time (or when it was removed). */
  #create(folder: string, path: string): number {
    if (!this.#folders.has(folder)) mkdirSync(folder, { recursive: true })
    try {
      const fd = openSync(path, 'w')
      this.#folders.add(folder)
      return fd
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      this.#folders.delete(folder)
      mkdirSync(folder, { recursive: true })
      return openSync(path, 'w')
    }
  }

  /** Synchronous like save: a compaction removes the chunks it replaced inside the save path. */
  async remove(key: StorageKey): Promise<void> {
    this.#untrack(key)
    try {
      unlinkSync(this.#path(key))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }

  async loadRange(prefix: StorageKey): Promise<Chunk[]> {
    const files = await walk(this.#path(prefix))
    const chunks: Chunk[] = []
    for (const path of files) {
      if (path.includes('.tmp-')) continue // a save that a crash interrupted: never renamed
      const key = this.#keyOf(path)
      const data = await this.load(key)
      if (data) chunks.push({ key, data })
    }
    return chunks
  }

  async removeRange(prefix: StorageKey): Promise<void> {
    for (const path of await walk(this.#path(prefix))) this.#untrack(this.#keyOf(path))
    await rm(this.#path(prefix), { recursive: true, force: true })
    this.#folders.clear()
  }

  /** Checks every document file under the data folder (at start-up); reports and moves bad ones. */
  async checkAll(): Promise<{ files: number; corrupt: number }> {
    let files = 0
    let corrupt = 0
    for (const path of await walk(this.#base)) {
      if (relative(this.#base, path).startsWith(QUARANTINE_DIR + sep)) continue
      const key = this.#keyOf(path)
      if (path.includes('.tmp-') || !isDocumentChunk(key)) continue
      files++
      try {
        if (!(await this.#checked(key, path, new Uint8Array(await readFile(path))))) corrupt++
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
    return { files, corrupt }
  }

  async #checked(key: StorageKey, path: string, data: Uint8Array): Promise<boolean> {
    const problem = chunkProblem(data)
    if (!problem) {
      this.#track(key, data.byteLength)
      return true
    }
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${key.join('_')}`
    const target = join(this.#base, QUARANTINE_DIR, name)
    await mkdir(dirname(target), { recursive: true })
    await rename(path, target)
    this.#untrack(key)
    this.#onCorrupt({
      path: relative(this.#base, path),
      documentId: key[0] ?? '',
      problem,
      movedTo: relative(this.#base, target),
    })
    return false
  }

  #track(key: StorageKey, bytes: number): void {
    if (!isDocumentChunk(key)) return
    const id = key[0] as string
    const sizes = this.#sizes.get(id) ?? new Map<string, number>()
    this.#sizes.set(id, sizes)
    sizes.set(key.join('/'), bytes)
  }

  #untrack(key: StorageKey): void {
    this.#sizes.get(key[0] ?? '')?.delete(key.join('/'))
  }

  #path(key: StorageKey): string {
    const [first = '', ...rest] = key
    return join(this.#base, first.slice(0, 2), first.slice(2), ...rest)
  }

  #keyOf(path: string): StorageKey {
    const [a = '', b = '', ...rest] = relative(this.#base, path).split(sep)
    return [a + b, ...rest]
  }
}

function isDocumentChunk(key: StorageKey): boolean {
  return key[1] === 'snapshot' || key[1] === 'incremental'
}

function syncFolder(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Every file under `path` (none when it does not exist). */
export async function walk(path: string): Promise<string[]> {
  try {
    const entries = await readdir(path, { withFileTypes: true })
    const nested = await Promise.all(
      entries.map((entry) =>
        entry.isDirectory() ? walk(join(path, entry.name)) : [join(path, entry.name)],
      ),
    )
    return nested.flat()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return []
    throw error
  }
}
