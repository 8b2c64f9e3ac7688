import { formatIssue, type View, validateView } from '@troupe/core'
import { setActorView } from '@troupe/documents'
import { useRef } from 'react'
import { useSession, useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { viewIssues } from './checks'
import { mergeDraft } from './mergeDraft'
import { refusalsOf } from './refusals'
import { useJsonDraftEditor } from './useJsonDraftEditor'
import './editor.css'

/**
 * The selected actor's view JSON in Monaco. Text is a local draft: a valid edit is written to
 * the document as the smallest structural change; invalid text stays here with its errors
 * shown and never reaches the document. Remote changes replace the text only while this
 * editor holds no unsaved draft.
 */
export function ViewEditor() {
  const { project } = useStudio()
  const doc = useDocument(project)
  const actorId = useSession((s) => s.selectedActorId)
  const actor = actorId ? doc.actors[actorId] : undefined
  const host = useRef<HTMLDivElement>(null)
  const { problems, ready, loadError } = useJsonDraftEditor({
    host,
    subject: actor ? actorId : null,
    modelPrefix: (monaco) => monaco.viewModelPrefix,
    text: actor ? JSON.stringify(actor.view, null, 2) : '',
    // A valid edit reaches the preview at once, in the keystroke's own task.
    commitDelayMs: 0,
    editorOptions: {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      ariaLabel: 'View JSON editor',
    },
    commit: (id, draft, base) => {
      const value = mergeDraft(project.doc().actors[id]?.view, base, draft)
      const issues = validateView(value, id)
      if (issues.length) return issues.map(formatIssue)
      // The project check can still refuse it (a placement of a missing actor): keep the draft.
      return refusalsOf(() => setActorView(project, id, value as View))
    },
    check: (id, value) => viewIssues(value, id, project.doc()),
  })

  return (
    <section className="studio-editor" aria-label="View JSON">
      <header>
        <h2>View JSON</h2>
        <span className="studio-editor-actor">
          {actor ? actor.role : 'Select an actor on the canvas'}
        </span>
      </header>
      {actor && !ready && (
        // Monaco loads with the first selection; the region is here (and named) from the start.
        <p className="studio-editor-loading" role={loadError ? 'alert' : 'status'}>
          {loadError ?? 'Loading the editor…'}
        </p>
      )}
      <div className="studio-editor-host" ref={host} />
      <div role="status" aria-label="View JSON problems" className="studio-editor-problems">
        {problems.length === 0 ? (
          <span className="ok">{actor ? 'Valid view' : ''}</span>
        ) : (
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}
