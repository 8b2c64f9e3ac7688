import { checkChildLink, formatIssue, TroupeValidationError } from '@troupe/core'
import {
  type DocHandle,
  editProject,
  linkChild,
  type ProjectDoc,
  removeActors,
  subscribe,
} from '@troupe/documents'
import type { Connection } from '@xyflow/react'
import type { SessionStore } from '../session/store'
import { handles, type LinkEdgeData, type LinkKind } from './flowElements'

/**
 * Canvas gestures turned into project edits. Every edit is validated by the documents layer;
 * a refusal (cycle, second parent, missing actor) changes nothing and its TRP-coded reason is
 * shown in the canvas's status region instead of disappearing silently.
 */

/** Runs an edit; a refusal becomes a visible notice. Returns whether the edit was made. */
export function attempt(session: SessionStore, edit: () => void, done?: string): boolean {
  try {
    edit()
    if (done) session.getState().notify(done)
    return true
  } catch (error) {
    const text =
      error instanceof TroupeValidationError
        ? `Refused: ${error.issues.map(formatIssue).join('; ')}`
        : `Refused: ${error instanceof Error ? error.message : String(error)}`
    session.getState().notify(text, 'error')
    return false
  }
}

/** Which kind of link a connection between these two handles makes, or null if they differ. */
export function connectionKind(
  c: Pick<Connection, 'sourceHandle' | 'targetHandle'>,
): LinkKind | null {
  if (c.sourceHandle === handles.messageOut && c.targetHandle === handles.messageIn) {
    return 'subscription'
  }
  if (c.sourceHandle === handles.childOut && c.targetHandle === handles.parentIn) return 'child'
  return null
}

export function connect(project: DocHandle<ProjectDoc>, session: SessionStore, c: Connection) {
  const kind = connectionKind(c)
  if (kind === 'subscription') {
    attempt(session, () => subscribe(project, c.source, c.target))
  } else if (kind === 'child') {
    attempt(session, () => linkChild(project, c.source, c.target))
  }
}

/** Moves one end of an existing link; the old link goes and the new one comes in one change. */
export function reconnect(
  project: DocHandle<ProjectDoc>,
  session: SessionStore,
  old: LinkEdgeData,
  c: Connection,
) {
  if (connectionKind(c) !== old.kind) {
    session
      .getState()
      .notify(
        'A subscription connects messages handles; a child link connects child handles.',
        'error',
      )
    return
  }
  attempt(session, () =>
    editProject(project, (draft) => {
      const from = draft.actors[old.from]
      if (!from) return
      if (old.kind === 'subscription') {
        from.subscriptions = from.subscriptions.filter((id) => id !== old.to)
        const sender = draft.actors[c.source]
        if (sender && !sender.subscriptions.includes(c.target)) {
          sender.subscriptions = [...sender.subscriptions, c.target]
        }
        return
      }
      from.children = from.children.filter((id) => id !== old.to)
      // Core's rule on the edited graph, for the precise reason (cycle, second parent).
      const refused = checkChildLink(draft.actors, c.source, c.target)
      if (refused) throw new TroupeValidationError([refused])
      const parent = draft.actors[c.source]!
      const children = parent.children.slice()
      children.splice(c.source === old.from ? old.index : children.length, 0, c.target)
      parent.children = children
    }),
  )
}

/**
 * Deletes links and actors. Links go first in one change; then the actors, with every
 * reference to them, in another. The root cannot be deleted: it is left out with a notice.
 */
export function deleteElements(
  project: DocHandle<ProjectDoc>,
  session: SessionStore,
  actorIds: readonly string[],
  links: readonly LinkEdgeData[],
): void {
  const root = project.doc().root
  const actors = actorIds.filter((id) => id !== root)
  const gone = new Set(actors)
  const loose = links.filter((l) => !gone.has(l.from) && !gone.has(l.to))
  if (loose.length) {
    const ok = attempt(session, () =>
      editProject(project, (draft) => {
        for (const link of loose) {
          const from = draft.actors[link.from]
          if (!from) continue
          if (link.kind === 'subscription') {
            from.subscriptions = from.subscriptions.filter((id) => id !== link.to)
          } else {
            from.children = from.children.filter((id) => id !== link.to)
          }
        }
      }),
    )
    if (!ok) return
  }
  if (actors.length) {
    if (!attempt(session, () => removeActors(project, actors))) return
  }
  const state = session.getState()
  state.setSelection([], [])
  if (actorIds.includes(root)) {
    state.notify(
      'TRP-113 The root actor cannot be deleted; the rest of the selection was.',
      'error',
    )
  } else if (actors.length || loose.length) {
    const parts = []
    if (actors.length) parts.push(`${actors.length} actor${actors.length === 1 ? '' : 's'}`)
    if (loose.length) parts.push(`${loose.length} link${loose.length === 1 ? '' : 's'}`)
    state.notify(`Deleted ${parts.join(' and ')}`)
  }
}

/** Parses an edge id (`sub:from>to`, `child:parent>child`) back into its link. */
export function linkOfEdgeId(doc: ProjectDoc, id: string): LinkEdgeData | null {
  const match = /^(sub|child):(.+)>(.+)$/.exec(id)
  if (!match) return null
  const [, prefix, from, to] = match as unknown as [string, string, string, string]
  const kind: LinkKind = prefix === 'sub' ? 'subscription' : 'child'
  const index = kind === 'child' ? (doc.actors[from]?.children.indexOf(to) ?? -1) : 0
  return { kind, from, to, index }
}
