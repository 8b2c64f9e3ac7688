import type { DocHandle } from '@automerge/automerge-repo'
import { checkChildLink, issueCodes, TroupeValidationError, type View } from '@troupe/core'
import type { ActorEntry, CanvasPosition, ProjectDoc } from '../schema/project'
import { writeJson } from '../write-json'
import { requireActor, withoutPlacement } from './actors'
import { editProject, missingActor } from './edit'

/**
 * Edits over several actors at once. Each is one validated change, so a person's one action
 * (delete a selection, paste, auto-layout) is one step in the document's history and either
 * happens whole or not at all.
 */

/**
 * Removes several actors and every reference to each (children, subscriptions, dependencies,
 * view placements), as removeActor does for one. The root cannot be removed: asking for it
 * refuses the whole edit.
 */
export function removeActors(handle: DocHandle<ProjectDoc>, actorIds: readonly string[]): void {
  const gone = new Set(actorIds)
  if (!gone.size) return
  editProject(handle, (draft) => {
    for (const id of gone) requireActor(draft, id)
    if (gone.has(draft.root)) {
      throw new TroupeValidationError([
        {
          code: issueCodes.rootInvalid,
          actorId: draft.root,
          path: [],
          message: 'the root actor cannot be removed',
        },
      ])
    }
    for (const id of gone) delete draft.actors[id]
    for (const actor of Object.values(draft.actors)) {
      actor.children = actor.children.filter((id) => !gone.has(id))
      actor.subscriptions = actor.subscriptions.filter((id) => !gone.has(id))
      for (const [name, target] of Object.entries(actor.dependencies)) {
        if (gone.has(target)) delete actor.dependencies[name]
      }
      let view: unknown = actor.view
      for (const id of gone) view = withoutPlacement(view, id)
      actor.view = view as View
    }
  })
}

/** Moves `childId` to position `index` among `parentId`'s children (clamped to the list). */
export function moveChild(
  handle: DocHandle<ProjectDoc>,
  parentId: string,
  childId: string,
  index: number,
): void {
  editProject(handle, (draft) => {
    const parent = requireActor(draft, parentId)
    const from = parent.children.indexOf(childId)
    if (from < 0) throw missingActor(childId, ['children'])
    const children = parent.children.filter((id) => id !== childId)
    const to = Math.max(0, Math.min(children.length, Math.trunc(index)))
    children.splice(to, 0, childId)
    parent.children = children
  })
}

export interface ActorInsert {
  /** New actors by id; ids must be unused in the project. */
  actors: Record<string, ActorEntry>
  /** Child links to add, each appended to the parent's children, in this order. */
  links: { parentId: string; childId: string }[]
}

/**
 * Adds several actors and links them under existing (or new) parents in one change, the way
 * a paste or a multi-actor template arrives. A taken id, a missing reference, a second parent
 * or a cycle refuses the whole insert.
 */
export function addActors(handle: DocHandle<ProjectDoc>, insert: ActorInsert): void {
  editProject(handle, (draft) => {
    for (const [id, entry] of Object.entries(insert.actors)) {
      if (draft.actors[id]) {
        throw new TroupeValidationError([
          {
            code: issueCodes.invalidShape,
            actorId: id,
            path: [],
            message: `an actor "${id}" already exists; choose another id`,
          },
        ])
      }
      draft.actors[id] = entry
    }
    for (const { parentId, childId } of insert.links) {
      const refused = checkChildLink(draft.actors, parentId, childId)
      if (refused) throw new TroupeValidationError([refused])
      const parent = requireActor(draft, parentId)
      parent.children = [...parent.children, childId]
    }
  })
}

/**
 * Moves many actors in one change (an auto-layout). Like setActorPosition, positions are not
 * validated by core, so this writes the numbers directly; unknown ids are refused up front.
 */
export function setActorPositions(
  handle: DocHandle<ProjectDoc>,
  positions: Record<string, CanvasPosition>,
): void {
  const doc = handle.doc()
  for (const [id, position] of Object.entries(positions)) {
    if (!doc.actors[id]) throw missingActor(id)
    if (!Number.isFinite(position.x) || !Number.isFinite(position.y)) {
      throw new TroupeValidationError([
        {
          code: issueCodes.invalidShape,
          actorId: id,
          path: ['position'],
          message: `a canvas position needs finite numbers x and y, got ${JSON.stringify(position)}`,
        },
      ])
    }
  }
  handle.change((draft) => {
    for (const [id, position] of Object.entries(positions)) {
      const actor = draft.actors[id]
      if (actor) writeJson(actor, 'position', { x: position.x, y: position.y })
    }
  })
}
