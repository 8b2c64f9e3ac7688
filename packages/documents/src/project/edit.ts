import type { DocHandle } from '@automerge/automerge-repo'
import type { TroupeIssue } from '@troupe/core'
import {
  issueCodes,
  TroupeValidationError,
  type View,
  validateActorView,
  validateProject,
} from '@troupe/core'
import type { ProjectDoc } from '../schema/project'
import { deepEqual, plain, writeJson, writeJsonOver } from '../write-json'
import { toProjectFile } from './definition'

/**
 * Runs one definition edit: `mutate` changes a plain copy of the project; the copy is
 * validated by core; only if the edit brings in no new issue is it written, as the smallest
 * change (only the actors and top-level fields that differ, each through writeJson).
 *
 * "No new issue" rather than "no issue": after a merge of concurrent edits a project can hold
 * a problem nobody made alone (two people each giving an actor a different parent); refusing
 * every later edit until it is fixed would lock everyone out, so only an edit that adds a
 * problem is refused.
 */
export function editProject(
  handle: DocHandle<ProjectDoc>,
  mutate: (draft: ProjectDoc) => void,
): void {
  const before = plain(handle.doc())
  const after = plain(before)
  mutate(after)
  const introduced = newIssues(before, after)
  if (introduced.length) throw new TroupeValidationError(introduced)
  writeDifferences(handle, before, after)
}

/**
 * Replaces one actor's view: `editProject` for the edit made on every keystroke in the view
 * editor, without copying or validating the whole project. Only the view changes, and nothing
 * in a project but that view reads it, so the project's issues before and after differ only
 * in what `validateActorView` reports (the view's own checks, prototype keys in it, and its
 * placements of other actors); the same "no new issue" rule refuses it, changing nothing.
 */
export function editActorView(handle: DocHandle<ProjectDoc>, actorId: string, view: View): void {
  const doc = handle.doc()
  const actor = doc.actors[actorId]
  if (!actor) throw missingActor(actorId)
  const after = validateActorView(actorId, view, doc.actors)
  if (after.length) {
    const known = new Set(validateActorView(actorId, actor.view, doc.actors).map(issueKey))
    const introduced = after.filter((issue) => !known.has(issueKey(issue)))
    if (introduced.length) throw new TroupeValidationError(introduced)
  }
  if (deepEqual(actor.view, view)) return
  handle.change((draft) => {
    const target = draft.actors[actorId]
    if (!target) return
    if (viewKind(actor.view) !== viewKind(view)) target.view = plain(view)
    // `actor.view` is what `target.view` holds (read just now): compared there, not through
    // the proxy.
    else writeJsonOver(target as unknown as Record<string, unknown>, 'view', view, actor.view)
  })
}

export function writeDifferences(
  handle: DocHandle<ProjectDoc>,
  before: ProjectDoc,
  after: ProjectDoc,
): void {
  const changedActors = new Set<string>()
  for (const id of new Set([...Object.keys(before.actors), ...Object.keys(after.actors)])) {
    if (!deepEqual(before.actors[id], after.actors[id])) changedActors.add(id)
  }
  const changedKeys = (Object.keys(after) as (keyof ProjectDoc)[]).filter(
    (key) => key !== 'actors' && !deepEqual(before[key], after[key]),
  )
  if (!changedActors.size && !changedKeys.length) return
  handle.change((doc) => {
    for (const id of changedActors) {
      replaceViewOfOtherKind(doc, before, after, id)
      writeJson(doc.actors, id, after.actors[id])
    }
    for (const key of changedKeys)
      writeJson(doc as unknown as Record<string, unknown>, key, after[key])
  })
}

/**
 * A view that changes kind (a leaf becomes a container, or back) is written as a new object,
 * not patched key by key: patched, two people switching one view to different kinds at the
 * same time merged into one view holding keys of both (`tag` and `container`), which core
 * refuses (the chaos fuzz found it). As a new object, one of the two wins whole.
 */
function replaceViewOfOtherKind(
  doc: ProjectDoc,
  before: ProjectDoc,
  after: ProjectDoc,
  id: string,
) {
  const old = before.actors[id]?.view
  const next = after.actors[id]?.view
  const target = doc.actors[id]
  if (!target || old === undefined || next === undefined) return
  if (viewKind(old) !== viewKind(next)) target.view = plain(next)
}

function viewKind(view: unknown): string {
  return typeof view === 'object' && view !== null && 'container' in view ? 'container' : 'leaf'
}

function newIssues(before: ProjectDoc, after: ProjectDoc): TroupeIssue[] {
  const issuesOf = (doc: ProjectDoc) => {
    const result = validateProject(toProjectFile(doc))
    return result.ok ? [] : result.issues
  }
  const after_ = issuesOf(after)
  if (!after_.length) return []
  const known = new Set(issuesOf(before).map(issueKey))
  return after_.filter((issue) => !known.has(issueKey(issue)))
}

// Compared without the path: an edit that shifts list indices must not make an old problem
// look new.
const issueKey = (issue: TroupeIssue) => `${issue.code} ${issue.actorId ?? ''} ${issue.message}`

/** An issue for an edit that names an actor the project does not have. */
export function missingActor(
  actorId: string,
  path: (string | number)[] = [],
): TroupeValidationError {
  return new TroupeValidationError([
    {
      code: issueCodes.missingActor,
      actorId,
      path,
      message: `there is no actor "${actorId}" in this project`,
    },
  ])
}
