import { getHeads } from '@automerge/automerge'
import { type Doc, type DocHandle, getConflicts, type Repo } from '@automerge/automerge-repo'
import { DEFAULT_EPOCH_SIZE, type ProjectDefinition } from '@troupe/core'
import { type InstanceDoc, newInstanceDoc } from '../schema/instance'
import { plain } from '../write-json'
import { instanceState, logLength } from './state'

/**
 * Why epochs: opening an Automerge document replays every operation it ever held (measured
 * with Automerge 3.5: 100k log strings take about 0.8 s to load even written in one change),
 * so one document per instance cannot open a long-running app in under a second. An instance
 * is therefore a chain of epoch documents: when one holds the project's `epochSize` messages,
 * the peer that filled it starts the next one from its state (`rotateEpoch`). Opening the
 * instance opens its current epoch; older epochs stay as they were, for history.
 *
 * Two peers may rotate the same epoch at once (offline, or in the same instant). Both set the
 * epoch's `next`; Automerge keeps one value on every peer, and the other new epoch is marked
 * `supersededBy` the winner (`settleBranch`). Writes that land in an epoch after it was
 * rotated (a late peer's, a loser's) are forwarded into the current epoch (forward.ts).
 */

/** How many messages an epoch of this project's instances holds. */
export function epochSizeOf(definition: Pick<ProjectDefinition, 'settings'>): number {
  return definition.settings?.epochSize ?? DEFAULT_EPOCH_SIZE
}

/** The epoch this one hands over to: the winner of a lost rotation first, then its successor. */
export function successorOf(doc: InstanceDoc): string | undefined {
  return doc.supersededBy ?? doc.next
}

/** How many messages of the instance's history come before this epoch's own. */
export function epochStart(doc: InstanceDoc): number {
  return doc.previous?.start ?? 0
}

/** Whether raising into this epoch should start the next one. */
export function epochIsFull(doc: InstanceDoc, size: number): boolean {
  return !successorOf(doc) && logLength(doc) >= size
}

/**
 * Starts the next epoch from `epoch`'s state at its current heads and points `epoch` at it.
 * Both happen in one synchronous step, so nothing can be raised into `epoch` in between.
 */
export function rotateEpoch(repo: Repo, epoch: DocHandle<InstanceDoc>): DocHandle<InstanceDoc> {
  const doc = epoch.doc()
  // A second rotation would overwrite `next` here and orphan the epoch already started (and
  // whatever was raised into it): writers go to the successor instead (successorOf).
  const successor = successorOf(doc)
  if (successor) {
    throw new Error(
      `TRP-408 Epoch ${epoch.url} was rotated already (its successor is ${successor}); raise into the successor instead.`,
    )
  }
  const heads = getHeads(doc)
  const start = newInstanceDoc(doc.project, instanceState(doc))
  const next = repo.create<InstanceDoc>(
    plain({
      ...start,
      ...(doc.definitionHeads ? { definitionHeads: doc.definitionHeads } : {}),
      previous: { url: epoch.url, heads, start: epochStart(doc) + logLength(doc) },
      included: { ...doc.included, [epoch.url]: heads },
    }),
  )
  epoch.change((d) => {
    d.next = next.url
  })
  // The change that set `next` holds nothing to forward: record it as held already.
  // Automerge's own (hex) heads: a handle's heads() are URL-encoded.
  const after = getHeads(epoch.doc())
  next.change((d) => {
    d.included![epoch.url] = [...after]
  })
  return next
}

/**
 * Marks `epoch` superseded when it is on a dead branch: its previous epoch's `next` names
 * another epoch although it has seen this one (a concurrent rotation another peer won), or
 * the previous epoch is itself superseded. It waits while the previous epoch has not yet
 * seen this one's `next`: judging from a partial view could kill the eventual winner.
 * Returns whether it marked.
 */
export function settleBranch(
  epoch: DocHandle<InstanceDoc>,
  previous: DocHandle<InstanceDoc>,
): boolean {
  if (epoch.doc().supersededBy) return false
  const prev = previous.doc()
  let winner = prev.supersededBy
  if (!winner && prev.next && prev.next !== epoch.url) {
    // automerge-repo's own copy of Automerge, the one that made these objects.
    const values = Object.values(getConflicts(prev as Doc<InstanceDoc>, 'next') ?? {})
    if (values.includes(epoch.url)) winner = prev.next
  }
  if (!winner) return false
  const to = winner
  epoch.change((d) => {
    d.supersededBy = to
  })
  return true
}

/**
 * The epochs from `handle` on, following successors (each one loaded): `handle` first, the
 * current epoch last. A cycle (which the rules above never make) stops the walk.
 */
export async function followEpochs(
  repo: Repo,
  handle: DocHandle<InstanceDoc>,
): Promise<DocHandle<InstanceDoc>[]> {
  const path = [handle]
  const seen = new Set<string>([handle.url])
  for (let url = successorOf(handle.doc()); url && !seen.has(url); ) {
    seen.add(url)
    const next = await repo.find<InstanceDoc>(url as Parameters<Repo['find']>[0])
    path.push(next)
    url = successorOf(next.doc())
  }
  return path
}

/** The current epoch reached from `handle` (see followEpochs), or `handle` itself. */
export async function currentEpoch(
  repo: Repo,
  handle: DocHandle<InstanceDoc>,
): Promise<DocHandle<InstanceDoc>> {
  const path = await followEpochs(repo, handle)
  return path[path.length - 1]!
}
