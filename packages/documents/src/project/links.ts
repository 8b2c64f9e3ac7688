import type { DocHandle } from '@automerge/automerge-repo'
import { checkChildLink, TroupeValidationError } from '@troupe/core'
import type { ProjectDoc } from '../schema/project'
import { requireActor } from './actors'
import { editProject } from './edit'

/**
 * Graph edits. Whether a link is allowed (one parent per actor, no cycles, both actors exist)
 * is core's rule, applied by editProject's validation; a refused link throws the TroupeIssue
 * and changes nothing.
 */

/** Makes `childId` a child of `parentId`, at `index` of its children (default: last). */
export function linkChild(
  handle: DocHandle<ProjectDoc>,
  parentId: string,
  childId: string,
  index?: number,
): void {
  editProject(handle, (draft) => {
    requireActor(draft, childId)
    if (draft.actors[parentId]?.children.includes(childId)) return
    // Core's rule first, for the precise reason (second parent, cycle) on this very link.
    const refused = checkChildLink(draft.actors, parentId, childId)
    if (refused) throw new TroupeValidationError([refused])
    const children = requireActor(draft, parentId).children.slice()
    children.splice(index ?? children.length, 0, childId)
    requireActor(draft, parentId).children = children
  })
}

export function unlinkChild(
  handle: DocHandle<ProjectDoc>,
  parentId: string,
  childId: string,
): void {
  editProject(handle, (draft) => {
    const parent = requireActor(draft, parentId)
    parent.children = parent.children.filter((id) => id !== childId)
  })
}

/** Sends `fromId`'s events to `toId` too. Cycles are allowed: the runtime bounds cascades. */
export function subscribe(handle: DocHandle<ProjectDoc>, fromId: string, toId: string): void {
  editProject(handle, (draft) => {
    requireActor(draft, toId)
    const from = requireActor(draft, fromId)
    if (!from.subscriptions.includes(toId)) from.subscriptions = [...from.subscriptions, toId]
  })
}

export function unsubscribe(handle: DocHandle<ProjectDoc>, fromId: string, toId: string): void {
  editProject(handle, (draft) => {
    const from = requireActor(draft, fromId)
    from.subscriptions = from.subscriptions.filter((id) => id !== toId)
  })
}
