import { setActorRole } from '@troupe/documents'
import { useEffect, useState } from 'react'
import { useSession, useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { attempt } from '../canvas/graphEdits'
import { kindLabel } from '../canvas/graphSummary'
import { ContextEditor } from './ContextEditor'
import { ChildrenSection, DependenciesSection, SubscriptionsSection } from './LinkSections'

/**
 * The selected actor's definition, field by field: role, initial context (Monaco), and its
 * links (subscriptions, ordered children, dependencies), each editable by keyboard. The view
 * has its own editor beside it.
 */
export function Inspector() {
  const { project } = useStudio()
  const doc = useDocument(project)
  const actorId = useSession((s) => s.selectedActorId)
  const selectedCount = useSession((s) => s.selectedActors.length)
  const actor = actorId ? doc.actors[actorId] : undefined

  return (
    <section className="studio-inspector" aria-label="Inspector">
      <header>
        <h2>Inspector</h2>
        {selectedCount > 1 && <span className="inspector-hint">{selectedCount} selected</span>}
      </header>
      {!actor || !actorId ? (
        <p className="inspector-empty">Select an actor on the canvas to inspect it.</p>
      ) : (
        <div className="inspector-body">
          <p className="inspector-id">
            <code>{actorId}</code> · {kindLabel(actor.view)}
            {doc.root === actorId ? ' · root' : ''}
          </p>
          <RoleField key={actorId} actorId={actorId} role={actor.role} />
          <section aria-label="Context" className="inspector-section">
            <h3>Context</h3>
            <ContextEditor actorId={actorId} context={actor.context} />
          </section>
          <SubscriptionsSection doc={doc} actorId={actorId} actor={actor} />
          <ChildrenSection doc={doc} actorId={actorId} actor={actor} />
          <DependenciesSection doc={doc} actorId={actorId} actor={actor} />
        </div>
      )}
    </section>
  )
}

/** The role as a text field, written when the person leaves it or presses Enter. */
function RoleField({ actorId, role }: { actorId: string; role: string }) {
  const { project, session } = useStudio()
  const [draft, setDraft] = useState(role)
  const [editing, setEditing] = useState(false)
  useEffect(() => {
    if (!editing) setDraft(role)
  }, [role, editing])
  const commit = () => {
    setEditing(false)
    const next = draft.trim()
    if (!next) return setDraft(role)
    if (next !== role) attempt(session, () => setActorRole(project, actorId, next))
  }
  return (
    <label className="inspector-role">
      <span>Role</span>
      <input
        value={draft}
        onFocus={() => setEditing(true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur()
          if (e.key === 'Escape') {
            setDraft(role)
            setEditing(false)
          }
        }}
      />
    </label>
  )
}
