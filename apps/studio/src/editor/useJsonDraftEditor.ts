import type { Json } from '@troupe/core'
import type { editor as MonacoEditor } from 'monaco-editor'
import { type RefObject, useEffect, useRef, useState } from 'react'
import { parseJsonText } from './parseJsonText'

type MonacoModule = typeof import('./monacoSetup')

export interface JsonDraftOptions {
  host: RefObject<HTMLDivElement | null>
  /** The document the text belongs to (an actor id); null shows nothing, read-only. */
  subject: string | null
  /** Model URI prefix from monacoSetup, which picks the JSON Schema Monaco checks against. */
  modelPrefix: (module: MonacoModule) => string
  /** The document's current value as text. */
  text: string
  editorOptions: MonacoEditor.IStandaloneEditorConstructionOptions
  /** How long typing may pause before a valid edit is committed. */
  commitDelayMs: number
  /** Validates and writes parsed JSON; returns the problems that refused it (empty when written). */
  commit(subject: string, value: Json): string[]
}

/**
 * Monaco holding a local draft of a document value. Text that does not parse, or that
 * `commit` refuses, stays here with its problems and never reaches the document; a valid edit
 * is committed after a pause. Remote changes replace the text only while there is no draft.
 * The view editor and the inspector's context editor share this lifecycle.
 */
export function useJsonDraftEditor(options: JsonDraftOptions): { problems: string[] } {
  const { host, subject, text, commitDelayMs } = options
  const [monacoModule, setMonacoModule] = useState<MonacoModule | null>(null)
  const [editor, setEditor] = useState<MonacoEditor.IStandaloneCodeEditor | null>(null)
  const [problems, setProblems] = useState<string[]>([])
  const draftFor = useRef<string | null>(null)
  // The latest callbacks, without re-creating the editor or its listeners when they change.
  const latest = useRef(options)
  latest.current = options

  useEffect(() => {
    let cancelled = false
    import('./monacoSetup').then((module) => !cancelled && setMonacoModule(module))
    return () => {
      cancelled = true
    }
  }, [])

  useEffect(() => {
    if (!monacoModule || !host.current) return
    const created = monacoModule.monaco.editor.create(host.current, latest.current.editorOptions)
    setEditor(created)
    return () => {
      created.getModel()?.dispose()
      created.dispose()
      setEditor(null)
    }
  }, [monacoModule, host])

  // Show the subject's text; follow remote changes unless a draft is being edited.
  useEffect(() => {
    if (!editor || !monacoModule) return
    const { monaco } = monacoModule
    const uri = monaco.Uri.parse(
      `${latest.current.modelPrefix(monacoModule)}${subject ?? 'none'}.json`,
    )
    let model = editor.getModel()
    if (!model || model.uri.toString() !== uri.toString()) {
      model?.dispose()
      model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, 'json', uri)
      editor.setModel(model)
      draftFor.current = null
      setProblems([])
    }
    if (draftFor.current === null && model.getValue() !== text) model.setValue(text)
    editor.updateOptions({ readOnly: !subject })
  }, [editor, monacoModule, subject, text])

  // Validate and commit edits after a pause in typing.
  useEffect(() => {
    if (!editor || !subject) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const subscription = editor.onDidChangeModelContent((event) => {
      if (event.isFlush) return
      draftFor.current = subject
      clearTimeout(timer)
      timer = setTimeout(() => {
        const parsed = parseJsonText(editor.getValue())
        const refused = parsed.ok
          ? latest.current.commit(subject, parsed.value)
          : [`${parsed.issue.code} ${parsed.issue.message}`]
        setProblems(refused)
        if (refused.length === 0) draftFor.current = null
      }, commitDelayMs)
    })
    return () => {
      clearTimeout(timer)
      subscription.dispose()
    }
  }, [editor, subject, commitDelayMs])

  return { problems }
}
