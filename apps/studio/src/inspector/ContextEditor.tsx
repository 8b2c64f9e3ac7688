import { formatIssue, type JsonObject, TroupeValidationError } from '@troupe/core'
import { setActorContext } from '@troupe/documents'
import { useEffect, useRef, useState } from 'react'
import { useStudio } from '../app/StudioContext'
import { parseJsonText } from '../editor/parseJsonText'

type MonacoModule = typeof import('../editor/monacoSetup')

/** How long typing may pause before a valid edit is written to the document. */
const commitDelayMs = 150

/**
 * The actor's initial context as JSON in Monaco. Invalid text (a syntax error, not an object,
 * an unsafe key) stays a local draft with its errors shown; a valid edit is written with
 * setActorContext as the smallest change. Remote changes replace the text only while there
 * is no draft.
 */
export function ContextEditor({ actorId, context }: { actorId: string; context: JsonObject }) {
  const { project } = useStudio()
  const host = useRef<HTMLDivElement>(null)
  const [monacoModule, setMonacoModule] = useState<MonacoModule | null>(null)
  const [editor, setEditor] = useState<import('monaco-editor').editor.IStandaloneCodeEditor | null>(
    null,
  )
  const [problems, setProblems] = useState<string[]>([])
  const draftFor = useRef<string | null>(null)

  useEffect(() => {
    let cancelled = false
    import('../editor/monacoSetup').then((module) => !cancelled && setMonacoModule(module))
    return () => {
      cancelled = true
    }
  }, [])

  useEffect(() => {
    if (!monacoModule || !host.current) return
    const created = monacoModule.monaco.editor.create(host.current, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12,
      tabSize: 2,
      lineNumbers: 'off',
      scrollBeyondLastLine: false,
      ariaLabel: 'Context JSON editor',
    })
    setEditor(created)
    return () => {
      created.getModel()?.dispose()
      created.dispose()
      setEditor(null)
    }
  }, [monacoModule])

  const text = JSON.stringify(context, null, 2)
  useEffect(() => {
    if (!editor || !monacoModule) return
    const { monaco, contextModelPrefix } = monacoModule
    const uri = monaco.Uri.parse(`${contextModelPrefix}${actorId}.json`)
    let model = editor.getModel()
    if (!model || model.uri.toString() !== uri.toString()) {
      model?.dispose()
      model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, 'json', uri)
      editor.setModel(model)
      draftFor.current = null
      setProblems([])
    }
    if (draftFor.current === null && model.getValue() !== text) model.setValue(text)
  }, [editor, monacoModule, actorId, text])

  useEffect(() => {
    if (!editor) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const subscription = editor.onDidChangeModelContent((event) => {
      if (event.isFlush) return
      draftFor.current = actorId
      clearTimeout(timer)
      timer = setTimeout(() => {
        const parsed = parseJsonText(editor.getValue())
        if (!parsed.ok) return setProblems([`${parsed.issue.code} ${parsed.issue.message}`])
        const value = parsed.value
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          return setProblems(['TRP-101 A context is a JSON object: { "key": value, … }'])
        }
        // The documents layer validates (unsafe keys, shapes); a refusal keeps the draft.
        try {
          setActorContext(project, actorId, value as JsonObject)
        } catch (error) {
          return setProblems(
            error instanceof TroupeValidationError
              ? error.issues.map(formatIssue)
              : [error instanceof Error ? error.message : String(error)],
          )
        }
        setProblems([])
        draftFor.current = null
      }, commitDelayMs)
    })
    return () => {
      clearTimeout(timer)
      subscription.dispose()
    }
  }, [editor, actorId, project])

  return (
    <div className="inspector-context">
      <div className="inspector-context-host" ref={host} />
      <div role="status" aria-label="Context problems" className="inspector-problems">
        {problems.length === 0 ? (
          <span className="ok">Valid context</span>
        ) : (
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
