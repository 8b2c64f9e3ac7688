import type { JsonObject } from '@troupe/core'
import { setActorContext } from '@troupe/documents'
import { useRef } from 'react'
import { useStudio } from '../app/StudioContext'
import { contextIssues } from '../editor/checks'
import { mergeDraft } from '../editor/mergeDraft'
import { refusalsOf } from '../editor/refusals'
import { useJsonDraftEditor } from '../editor/useJsonDraftEditor'
import { ProblemsStatus } from '../problems/ProblemsStatus'

/**
 * The actor's initial context as JSON in Monaco. Invalid text (a syntax error, not an object,
 * an unsafe key) stays a local draft with its errors shown; a valid edit is written with
 * setActorContext as the smallest change. Remote changes replace the text only while there
 * is no draft.
 */
export function ContextEditor({ actorId, context }: { actorId: string; context: JsonObject }) {
  const { project } = useStudio()
  const host = useRef<HTMLDivElement>(null)
  const { problems } = useJsonDraftEditor({
    host,
    subject: actorId,
    modelPrefix: (monaco) => monaco.contextModelPrefix,
    text: JSON.stringify(context, null, 2),
    commitDelayMs: 150,
    editorOptions: {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12,
      tabSize: 2,
      lineNumbers: 'off',
      scrollBeyondLastLine: false,
      ariaLabel: 'Context JSON editor',
    },
    commit: (id, draft, base) => {
      const value = mergeDraft(project.doc().actors[id]?.context, base, draft)
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return ['TRP-101 A context is a JSON object: { "key": value, … }']
      }
      // The documents layer validates (unsafe keys, shapes); a refusal keeps the draft.
      return refusalsOf(() => setActorContext(project, id, value))
    },
    check: (_id, value) => contextIssues(value, project.doc()),
  })

  return (
    <div className="inspector-context">
      <div className="inspector-context-host" ref={host} />
      <ProblemsStatus
        label="Context problems"
        valid="Valid context"
        problems={problems}
        className="inspector-problems"
      />
    </div>
  )
}
