import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { issueCodes } from '@troupe/core'

/** The file a running server keeps in its data folder, so tools know the folder is in use. */
export const LOCK_FILE = 'server.lock'

export interface DataFolderHolder {
  pid: number
  hostname: string
  startedAt: string
}

/** Data folders this process holds, with how many servers in it hold each (tests start several). */
const heldHere = new Map<string, number>()

/**
 * The server that holds `dataDir`, or undefined when none does. A lock left by a process that
 * no longer runs (a SIGKILL, a power cut) does not count. A lock written on another machine
 * (a shared folder) counts: its process cannot be checked from here.
 */
export function dataFolderHolder(dataDir: string): DataFolderHolder | undefined {
  const path = resolve(dataDir)
  let holder: DataFolderHolder
  try {
    holder = JSON.parse(readFileSync(join(path, LOCK_FILE), 'utf8')) as DataFolderHolder
  } catch {
    return undefined // no lock, or one cut short by a crash while it was written
  }
  if (holder.hostname !== hostname()) return holder
  if (holder.pid === process.pid) return heldHere.has(path) ? holder : undefined
  return processRuns(holder.pid) ? holder : undefined
}

/**
 * Marks `dataDir` as held by this process until the returned release runs. Throws a
 * DataFolderInUse when another live process holds it.
 */
export function holdDataFolder(dataDir: string): () => void {
  const path = resolve(dataDir)
  const other = dataFolderHolder(path)
  if (other && other.pid !== process.pid) throw new DataFolderInUse(path, other)
  const count = heldHere.get(path) ?? 0
  if (count === 0) {
    const holder: DataFolderHolder = {
      pid: process.pid,
      hostname: hostname(),
      startedAt: new Date().toISOString(),
    }
    writeFileSync(join(path, LOCK_FILE), `${JSON.stringify(holder)}\n`)
  }
  heldHere.set(path, count + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    const left = (heldHere.get(path) ?? 1) - 1
    if (left > 0) return void heldHere.set(path, left)
    heldHere.delete(path)
    rmSync(join(path, LOCK_FILE), { force: true })
  }
}

export class DataFolderInUse extends Error {
  override name = 'DataFolderInUse'
  readonly code = issueCodes.dataFolderInUse
  constructor(
    readonly dataDir: string,
    readonly holder: DataFolderHolder,
  ) {
    super(
      `${issueCodes.dataFolderInUse} the data folder ${dataDir} is in use by a Troupe server (process ${holder.pid} on ${holder.hostname}, started ${holder.startedAt}). Stop that server first, or choose another folder with --data.`,
    )
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, under another account.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
