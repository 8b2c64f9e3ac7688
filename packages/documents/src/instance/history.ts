import {
  type DecodedChange,
  type Doc,
  decodeChange,
  getBackend,
  getChangesMetaSince,
  getChangesSince,
  getHeads,
  getObjectId,
  type Heads,
  view,
} from '@automerge/automerge'
import type { AnyDocumentId, DocHandle, Repo } from '@automerge/automerge-repo'
import type { InstanceState } from '@troupe/core'
import type { LogEntry } from '@troupe/runtime'
import type { InstanceDoc } from '../schema/instance'
import { instanceState } from './state'

/**
 * The instance's past, read from the document's own Automerge history: which change appended
 * each log entry, and the state before and after that change. Time travel, forks and the
 * Messages panel's diffs go through these functions only, so the storage behind them (a chain
 * of epoch documents, see epochs.ts) stays out of the studio.
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
  /** The epoch document the change belongs to. */
  doc: () => Doc<InstanceDoc>
  hash: string
  deps: Heads
  /** Index of the change's first entry in the instance's history. */
  first: number
  entries: LogEntry[]
}

/** One epoch's own changes that appended entries, in causal order, read up to `heads`. */
interface EpochHistory {
  heads: Heads
  changes: { hash: string; deps: Heads; entries: LogEntry[] }[]
}

interface Cache {
  /** How many of this epoch's own changes are in `changes` already. */
  taken: number
  changes: Appended[]
  entries: HistoryEntry[]
  ids: Set<string>
}

const caches = new WeakMap<DocHandle<InstanceDoc>, Cache>()
const epochs = new WeakMap<DocHandle<InstanceDoc>, EpochHistory>()

/**
 * Every log entry with the change it came in, oldest first. Reads only changes not yet read.
 * An instance is a chain of epochs (epochs.ts): after `loadEarlierEpochs` this covers the
 * earlier epochs too, each up to where its successor forked (what an epoch gained later was
 * forwarded, and is listed where it arrived). A message id listed already (the same late
 * write forwarded by two peers at once, see forward.ts) is not listed again.
 */
export function historyEntries(handle: DocHandle<InstanceDoc>): HistoryEntry[] {
  return history(handle).entries
}

/**
 * Loads the epochs before `handle`'s (documents of their own, loaded on demand) so that the
 * history functions cover the whole instance. Resolves with how many entries they add.
 */
export async function loadEarlierEpochs(
  repo: Repo,
  handle: DocHandle<InstanceDoc>,
): Promise<number> {
  const chain: { epoch: DocHandle<InstanceDoc>; cut: Heads }[] = []
  const seen = new Set([handle.url as string])
  let link = handle.doc().previous
  while (link && !seen.has(link.url)) {
    seen.add(link.url)
    const epoch = await repo.find<InstanceDoc>(link.url as AnyDocumentId)
    chain.unshift({ epoch, cut: link.heads })
    link = epoch.doc().previous
  }
  const earlier: Appended[] = []
  for (const { epoch, cut } of chain) {
    const after = new Set(getChangesMetaSince(epoch.doc(), cut).map((change) => change.hash))
    for (const change of epochHistory(epoch).changes) {
      if (!after.has(change.hash)) earlier.push({ ...change, doc: () => epoch.doc(), first: 0 })
    }
  }
  const cache = history(handle)
  const own = epochHistory(handle).changes.slice(0, cache.taken)
  // Rebuilt: the earlier epochs first, then this epoch's own changes again.
  cache.changes = []
  cache.entries = []
  cache.ids = new Set()
  for (const change of earlier) take(cache, change)
  const added = cache.entries.length
  for (const change of own) take(cache, { ...change, doc: () => handle.doc(), first: 0 })
  return added
}

/** The instance state right after the change that appended message `messageIndex`. */
export function stateAfter(handle: DocHandle<InstanceDoc>, messageIndex: number): InstanceState {
  const change = changeOf(handle, messageIndex)
  return stateAt(change.doc(), [change.hash])
}

/** The instance state right before the change that appended message `messageIndex`. */
export function stateBefore(handle: DocHandle<InstanceDoc>, messageIndex: number): InstanceState {
  const change = changeOf(handle, messageIndex)
  return stateAt(change.doc(), change.deps)
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
  const change = changeOf(handle, messageIndex)
  const heads = view(change.doc(), [change.hash]).definitionHeads
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
  let cache = caches.get(handle)
  if (!cache) {
    cache = { taken: 0, changes: [], entries: [], ids: new Set() }
    caches.set(handle, cache)
  }
  const own = epochHistory(handle).changes
  for (; cache.taken < own.length; cache.taken++) {
    take(cache, { ...own[cache.taken]!, doc: () => handle.doc(), first: 0 })
  }
  return cache
}

/** Adds one change's entries to the history, leaving out message ids listed already. */
function take(cache: Cache, change: Appended): void {
  // Checked entry by entry: one change can hold two copies (a forward of forwarded copies).
  const fresh = change.entries.filter((entry) => {
    if (cache.ids.has(entry.message.id)) return false
    cache.ids.add(entry.message.id)
    return true
  })
  if (!fresh.length) return
  const first = cache.entries.length
  cache.changes.push({ ...change, first, entries: fresh })
  for (const [k, entry] of fresh.entries()) {
    cache.entries.push({ index: first + k, entry, changeSize: fresh.length, changeStart: first })
  }
}

/**
 * One epoch's changes that appended entries. Reads only the changes this peer has not read
 * yet (new local events, merged remote ones), in causal order: a merged remote change's
 * entries come after the ones already listed.
 */
function epochHistory(handle: DocHandle<InstanceDoc>): EpochHistory {
  const doc = handle.doc()
  let known = epochs.get(handle)
  if (!known) {
    known = { heads: [], changes: [] }
    epochs.set(handle, known)
  }
  if (known.heads.length === 0) {
    known.changes = scannedChanges(doc)
  } else {
    const segments = new Set(doc.log.map((segment) => getObjectId(segment)))
    for (const binary of getChangesSince(doc, known.heads)) {
      const change = decodeChange(binary)
      const entries = appendedBy(change, segments)
      if (entries.length) known.changes.push({ hash: change.hash, deps: change.deps, entries })
    }
  }
  known.heads = getHeads(doc)
  return known
}

/**
 * A whole epoch's changes that appended entries, read without decoding any change: each log
 * entry's element id (`counter@actor`, its insert operation) names the change that made it,
 * the one from that actor whose operations span the counter (change metadata: actor,
 * startOp, maxOp). Decoding every change of an epoch (its every operation serialised into
 * JavaScript) cost about 1.6 s per 10,000 messages; this reads the same in a tenth of it.
 */
function scannedChanges(doc: Doc<InstanceDoc>): EpochHistory['changes'] {
  const metas = getChangesMetaSince(doc, [])
  const byActor = new Map<string, { startOp: number; maxOp: number; index: number }[]>()
  for (const [index, meta] of metas.entries()) {
    let spans = byActor.get(meta.actor)
    if (!spans) {
      spans = []
      byActor.set(meta.actor, spans)
    }
    spans.push({ startOp: meta.startOp, maxOp: meta.maxOp, index })
  }
  // One actor's changes run in sequence, their operation counters increasing with them.
  for (const spans of byActor.values()) spans.sort((a, b) => a.startOp - b.startOp)
  const appended = metas.map(() => [] as { counter: number; entry: LogEntry }[])
  const backend = getBackend(doc)
  for (const segment of doc.log) {
    const obj = getObjectId(segment)
    if (!obj) continue
    for (let i = 0; i < segment.length; i++) {
      for (const [type, value, id] of backend.getAll(obj, i)) {
        if (type !== 'str' || typeof value !== 'string') continue
        const at = id.indexOf('@')
        const counter = Number(id.slice(0, at))
        const index = changeHolding(byActor.get(id.slice(at + 1)), counter)
        if (index !== undefined)
          appended[index]!.push({ counter, entry: JSON.parse(value) as LogEntry })
      }
    }
  }
  const changes: EpochHistory['changes'] = []
  for (const [index, entries] of appended.entries()) {
    if (!entries.length) continue
    // In the order the change's operations made them, as decoding it lists them.
    entries.sort((a, b) => a.counter - b.counter)
    const { hash, deps } = metas[index]!
    changes.push({ hash, deps, entries: entries.map((e) => e.entry) })
  }
  return changes
}

/** The index of the change (among one actor's, sorted) whose operations include `counter`. */
function changeHolding(
  spans: { startOp: number; maxOp: number; index: number }[] | undefined,
  counter: number,
): number | undefined {
  if (!spans) return undefined
  let low = 0
  let high = spans.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const span = spans[mid]!
    if (counter < span.startOp) high = mid - 1
    else if (counter > span.maxOp) low = mid + 1
    else return span.index
  }
  return undefined
}

/**
 * The log entries one change appended, read from the change's own operations: an insert into
 * one of the log's segments (see InstanceDoc) whose value is an entry's JSON. Decoding a
 * change costs microseconds, where diffing the document before and after it cost a walk of
 * the document, too slow for a whole epoch's history of thousands of changes.
 */
function appendedBy(change: DecodedChange, segments: ReadonlySet<string | null>): LogEntry[] {
  const out: LogEntry[] = []
  for (const op of change.ops as (DecodedChange['ops'][number] & { insert?: boolean })[]) {
    if (op.insert && op.action === 'set' && segments.has(op.obj) && typeof op.value === 'string')
      out.push(JSON.parse(op.value) as LogEntry)
  }
  return out
}
