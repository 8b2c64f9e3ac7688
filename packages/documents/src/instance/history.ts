import {
  type Doc,
  diffPath,
  getChangesMetaSince,
  getHeads,
  type Heads,
  view,
} from '@automerge/automerge'
import type { DocHandle } from '@automerge/automerge-repo'
import type { InstanceState } from '@troupe/core'
import type { LogEntry } from '@troupe/runtime'
import type { InstanceDoc } from '../schema/instance'
import { instanceState } from './state'

/**
 * The instance's past, read from the document's own Automerge history: which change appended
 * each log entry, and the state before and after that change. Time travel, forks and the
 * Messages panel's diffs go through these functions only, so the storage behind them (one
 * document today, rotating epoch documents later) can change without touching the studio.
 *
 * Every raised event (or burst) is one change that appends its whole cascade, so "the state
 * after message i" is the state after the change that appended i: messages of one cascade
 * share it. Under concurrent edits from several peers the history is read in Automerge's
 * topological order, and each state is the view at that change (its own past only).
 */
export interface HistoryEntry {
  /** Position in the instance's history, oldest first. */
  index: number
  entry: LogEntry
  /** How many entries the same change appended (the event's cascade, or a burst). */
  changeSize: number
  /** Index of the first entry the same change appended. */
  changeStart: number
}

interface Appended {
  hash: string
  deps: Heads
  first: number
  entries: LogEntry[]
}

interface Cache {
  /** The heads up to which changes have been read. */
  heads: Heads
  changes: Appended[]
  entries: HistoryEntry[]
}

const caches = new WeakMap<DocHandle<InstanceDoc>, Cache>()

/** Every log entry with the change it came in, oldest first. Reads only changes not yet read. */
export function historyEntries(handle: DocHandle<InstanceDoc>): HistoryEntry[] {
  return history(handle).entries
}

/** The instance state right after the change that appended message `messageIndex`. */
export function stateAfter(handle: DocHandle<InstanceDoc>, messageIndex: number): InstanceState {
  return stateAt(handle.doc(), [changeOf(handle, messageIndex).hash])
}

/** The instance state right before the change that appended message `messageIndex`. */
export function stateBefore(handle: DocHandle<InstanceDoc>, messageIndex: number): InstanceState {
  return stateAt(handle.doc(), changeOf(handle, messageIndex).deps)
}

/**
 * The project heads the change that appended message `messageIndex` ran against, for showing
 * that moment with the definition it had (see InstanceDoc.definitionHeads). Undefined for
 * messages raised without them (the CLI, older instances).
 */
export function definitionHeadsAfter(
  handle: DocHandle<InstanceDoc>,
  messageIndex: number,
): string[] | undefined {
  const heads = view(handle.doc(), [changeOf(handle, messageIndex).hash]).definitionHeads
  return heads ? [...heads] : undefined
}

function changeOf(handle: DocHandle<InstanceDoc>, messageIndex: number): Appended {
  const { changes, entries } = history(handle)
  const found = entries[messageIndex]
  if (!found) {
    throw new RangeError(
      `TRP-400 No message ${messageIndex} in this instance's history (it has ${entries.length}).`,
    )
  }
  // Changes are in order of their first entry: binary search for the one holding the index.
  let low = 0
  let high = changes.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (changes[mid]!.first <= messageIndex) low = mid
    else high = mid - 1
  }
  return changes[low]!
}

function stateAt(doc: Doc<InstanceDoc>, heads: Heads): InstanceState {
  // A copy, so the caller may keep it while the document moves on.
  return JSON.parse(JSON.stringify(instanceState(view(doc, heads)))) as InstanceState
}

function history(handle: DocHandle<InstanceDoc>): Cache {
  const doc = handle.doc()
  let cache = caches.get(handle)
  if (!cache) {
    cache = { heads: [], changes: [], entries: [] }
    caches.set(handle, cache)
  }
  // Only the changes this peer has not read yet (new local events, merged remote ones), in
  // causal order: a merged remote change's entries come after the ones already listed.
  for (const change of getChangesMetaSince(doc, cache.heads)) {
    const appended = appendedBy(doc, change.hash, change.deps)
    if (!appended.length) continue
    const first = cache.entries.length
    cache.changes.push({ hash: change.hash, deps: change.deps, first, entries: appended })
    for (const [k, entry] of appended.entries()) {
      cache.entries.push({
        index: first + k,
        entry,
        changeSize: appended.length,
        changeStart: first,
      })
    }
  }
  cache.heads = getHeads(doc)
  return cache
}

/**
 * The log entries one change appended, from the change's own patches to the log. The log is a
 * list of segments (see InstanceDoc): entries arrive as inserts into a segment
 * (`['log', segment, i]`), and a change that opens a segment may report it with its entries.
 */
function appendedBy(doc: Doc<InstanceDoc>, hash: string, deps: Heads): LogEntry[] {
  const out: LogEntry[] = []
  const take = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) take(item)
    else out.push(JSON.parse(String(value)) as LogEntry)
  }
  for (const patch of diffPath(doc, ['log'], deps, [hash])) {
    if (patch.action !== 'insert' || patch.path[0] !== 'log') continue
    if (patch.path.length === 3 || patch.path.length === 2)
      for (const value of patch.values) take(value)
  }
  return out
}
