import type { DocHandle } from '@automerge/automerge-repo'
import type { View } from '@troupe/core'
import { afterChange } from '../repo/after-change'
import type { ProjectDoc } from '../schema/project'
import { plain } from '../write-json'
import { withoutPlacement } from './actors'
import { writeDifferences } from './edit'

/**
 * Each graph edit is validated on the peer that makes it, but two valid edits made at the
 * same time on two peers can merge into an invalid project (the fuzz in packages/devtools
 * found each case): one peer removes an actor while another links it as a child or
 * subscribes to it (a reference to a missing actor), two peers give one actor two different
 * parents (or the same parent twice), or two links made apart close a cycle together.
 *
 * `repairedGraph` restores the rules by removing links only, never actors or data, and
 * decides only from the merged document, in sorted id order, so every peer that repairs the
 * same merge writes the same removals, and concurrent repairs merge into one:
 * - references to missing actors go (children, subscriptions, dependencies);
 * - a child listed twice keeps its first place; the root is nobody's child;
 * - a child with several parents keeps the parent whose id sorts first;
 * - a cycle is cut at the link into its smallest id, which keeps its place in the forest as
 *   a top-level actor;
 * - a view placement (`{ slot, actor }`) of an actor that is no longer a child goes.
 */
export function repairedGraph(doc: ProjectDoc): ProjectDoc {
  const after = plain(doc)
  const ids = Object.keys(after.actors).sort()
  const exists = new Set(ids)
  for (const id of ids) {
    const actor = after.actors[id] as ProjectDoc['actors'][string]
    actor.children = unique(actor.children.filter((c) => exists.has(c) && c !== after.root))
    actor.subscriptions = unique(actor.subscriptions.filter((s) => exists.has(s)))
    for (const [name, target] of Object.entries(actor.dependencies)) {
      if (!exists.has(target)) delete actor.dependencies[name]
    }
  }

  const parentOf = new Map<string, string>()
  for (const parent of ids) {
    const actor = after.actors[parent] as ProjectDoc['actors'][string]
    actor.children = actor.children.filter((child) => {
      if (parentOf.has(child)) return false
      parentOf.set(child, parent)
      return true
    })
  }

  for (const start of ids) {
    const path: string[] = []
    let at: string | undefined = start
    while (at !== undefined && !path.includes(at)) {
      path.push(at)
      at = parentOf.get(at)
    }
    if (at === undefined) continue
    const cycle = path.slice(path.indexOf(at))
    const cut = [...cycle].sort()[0] as string
    const parent = after.actors[parentOf.get(cut) as string] as ProjectDoc['actors'][string]
    parent.children = parent.children.filter((child) => child !== cut)
    parentOf.delete(cut)
  }

  // Last, as the link repairs above can take a placed child away from its parent.
  for (const id of ids) {
    const actor = after.actors[id] as ProjectDoc['actors'][string]
    let view: unknown = actor.view
    for (const placed of placements(actor.view)) {
      if (!actor.children.includes(placed)) view = withoutPlacement(view, placed)
    }
    actor.view = view as View
  }
  return after
}

/**
 * Whether the project may break a rule `repairedGraph` restores: read only, with no copy of
 * the document, since it runs after every change (a copy and a diff of a 1,000-actor project
 * on every drag's end and every keystroke). False only when the repair would change nothing;
 * true may still find nothing to change (a placement the repair cannot reach), and the repair
 * then writes nothing.
 */
export function breaksGraphRules(doc: ProjectDoc): boolean {
  const exists = (id: string) => Object.hasOwn(doc.actors, id)
  const parentOf = new Map<string, string>()
  for (const [id, actor] of Object.entries(doc.actors)) {
    const children = new Set<string>()
    for (const child of actor.children) {
      if (!exists(child) || child === doc.root || children.has(child)) return true
      if (parentOf.has(child)) return true
      children.add(child)
      parentOf.set(child, id)
    }
    if (new Set(actor.subscriptions).size !== actor.subscriptions.length) return true
    if (!actor.subscriptions.every(exists)) return true
    if (!Object.values(actor.dependencies).every(exists)) return true
    if (placements(actor.view).some((placed) => !children.has(placed))) return true
  }
  // With one parent each, a cycle is a walk up the parents that comes back to itself.
  const acyclic = new Set<string>()
  for (const start of Object.keys(doc.actors)) {
    const path = new Set<string>()
    for (let at: string | undefined = start; at !== undefined && !acyclic.has(at); ) {
      if (path.has(at)) return true
      path.add(at)
      at = parentOf.get(at)
    }
    for (const id of path) acyclic.add(id)
  }
  return false
}

/** Writes the repair when the merged project breaks a graph rule; true when it wrote one. */
export function repairProject(handle: DocHandle<ProjectDoc>): boolean {
  const doc = handle.doc()
  if (!breaksGraphRules(doc)) return false
  const before = plain(doc)
  const after = repairedGraph(before)
  const heads = handle.heads().join()
  writeDifferences(handle, before, after)
  return handle.heads().join() !== heads
}

/**
 * Repairs once now and soon after every change (merged remote changes arrive as changes
 * too), after the change event rather than inside it, since changing a handle from its own
 * change listener is re-entrant. Returns the unsubscribe. Every peer that edits a project
 * (the studio, the fuzz) runs it, so a merge that broke a rule is mended within a sync round.
 */
export function watchProject(handle: DocHandle<ProjectDoc>): () => void {
  repairProject(handle)
  return afterChange(handle, () => repairProject(handle))
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)]
}

/** Ids of the actors a view places explicitly (`{ slot, actor }`), at any depth. */
function placements(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const entry of node) placements(entry, found)
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>
    if ('slot' in record && typeof record.actor === 'string') found.push(record.actor)
    for (const value of Object.values(record)) placements(value, found)
  }
  return found
}
