import { formatIssue, type TroupeIssue, type View, validateView } from '@troupe/core'
import { setActorView } from '@troupe/documents'
import { useEffect, useRef, useState } from 'react'
import { useSession, useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { parseJsonText } from './parseJsonText'

type MonacoModule = typeof import('./monacoSetup')

/** How long typing may pause before a valid edit is written to the document. */
const commitDelayMs = 120

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
  const [editor, setEditor] = useState<import('monaco-editor').editor.IStandaloneCodeEditor | null>(
    null,
  )
  const [monacoModule, setMonacoModule] = useState<MonacoModule | null>(null)
  const [problems, setProblems] = useState<string[]>([])
  const draftFor = useRef<string | null>(null)

  useEffect(() => {
    let cancelled = false
    import('./monacoSetup').then((module) => !cancelled && setMonacoModule(module))
    return () => {
      cancelled = true
    }
  }, [])

  // Create the editor once Monaco has loaded.
  useEffect(() => {
    if (!monacoModule || !host.current) return
    const created = monacoModule.monaco.editor.create(host.current, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      ariaLabel: 'View JSON editor',
    })
    setEditor(created)
    return () => {
      created.getModel()?.dispose()
      created.dispose()
      setEditor(null)
    }
  }, [monacoModule])

  // Show the selected actor's view; follow remote changes unless a draft is being edited.
  const viewText = actor ? JSON.stringify(actor.view, null, 2) : ''
  useEffect(() => {
    if (!editor || !monacoModule) return
    const { monaco, viewModelPrefix } = monacoModule
    const uri = monaco.Uri.parse(`${viewModelPrefix}${actorId ?? 'none'}.json`)
    let model = editor.getModel()
    if (!model || model.uri.toString() !== uri.toString()) {
      model?.dispose()
      model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(viewText, 'json', uri)
      editor.setModel(model)
      draftFor.current = null
      setProblems([])
    }
    if (draftFor.current === null && model.getValue() !== viewText) {
      model.setValue(viewText)
    }
    editor.updateOptions({ readOnly: !actorId })
  }, [editor, monacoModule, actorId, viewText])

  // Validate and commit edits.
  useEffect(() => {
    if (!editor || !actorId) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const subscription = editor.onDidChangeModelContent((event) => {
      if (event.isFlush) return
      draftFor.current = actorId
      clearTimeout(timer)
      timer = setTimeout(() => {
        const text = editor.getValue()
        const parsed = parseJsonText(text)
        if (!parsed.ok) {
          setProblems([`${parsed.issue.code} ${parsed.issue.message}`])
          return
        }
        const issues: TroupeIssue[] = validateView(parsed.value, actorId)
        if (issues.length) {
          setProblems(issues.map(formatIssue))
          return
        }
        setProblems([])
        setActorView(project, actorId, parsed.value as View)
        draftFor.current = null
      }, commitDelayMs)
    })
    return () => {
      clearTimeout(timer)
      subscription.dispose()
    }
  }, [editor, actorId, project])

  return (
    <section className="studio-editor" aria-label="View JSON">
      <header>
        <h2>View JSON</h2>
        <span className="studio-editor-actor">
          {actor ? actor.role : 'Select an actor on the canvas'}
        </span>
      </header>
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
