import type { Json } from '@troupe/core'
import type { editor as MonacoEditor } from 'monaco-editor'
import { type RefObject, useEffect, useRef, useState } from 'react'
import { useMonaco } from './loadMonaco'
import { type EditorIssue, markersFor } from './markers'
import { parseJsonText } from './parseJsonText'
import { usePointerHeld } from './pointerHeld'

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
  /**
   * How long typing may pause before a valid edit is committed. 0 commits in the same task as
   * the keystroke (a microtask after Monaco's change events), so edits Monaco makes together
   * (a paste, an auto-closed bracket) are still one commit, and no timer stands between the
   * key and the document (a timer of 0 waits behind whatever tasks are queued: under load,
   * tens of milliseconds).
   */
  commitDelayMs: number
  /**
   * Validates and writes parsed JSON; returns the problems that refused it (empty when
   * written). `base` is the document's value when this draft began (when it was valid JSON),
   * so the write can keep what others changed meanwhile in parts the draft did not touch.
   */
  commit(subject: string, value: Json, base: Json | undefined): string[]
  /**
   * Problems to mark in the text (schema errors come from Monaco's JSON Schema check; these
   * add Troupe's: unsafe content, references to missing actors, …), checked after each pause.
   */
  check?(subject: string, value: Json): EditorIssue[]
}

/**
 * Monaco holding a local draft of a document value. Text that does not parse, or that
 * `commit` refuses, stays here with its problems and never reaches the document; a valid edit
 * is committed after a pause. Remote changes replace the text only while there is no draft.
 * The view editor and the inspector's context editor share this lifecycle.
 */
export function useJsonDraftEditor(options: JsonDraftOptions): {
  problems: string[]
  /** Whether Monaco shows the text yet (it loads when there is first a subject). */
  ready: boolean
  /** Why Monaco could not load, if it could not. */
  loadError: string | null
} {
  const { host, subject, text, commitDelayMs } = options
  // A press on a node selects it, and the first editor would then load Monaco and build
  // itself (hundreds of ms of main thread) in the first frames of the drag that may follow:
  // the first editor waits until the pointer is released, which also ends any drag (only a
  // pointer drags; the arrow keys move a node in one step). One that exists already stays.
  const pressed = usePointerHeld()
  const [editor, setEditor] = useState<MonacoEditor.IStandaloneCodeEditor | null>(null)
  const hold = pressed && editor === null
  // Nothing to show, nothing to load: the canvas gets the page to itself until a selection.
  const { module: monacoModule, error: loadError } = useMonaco(subject !== null && !hold)
  const [problems, setProblems] = useState<string[]>([])
  const draftFor = useRef<string | null>(null)
  /** The document's text when the current draft began. */
  const draftBase = useRef<string>('')
  // The latest callbacks, without re-creating the editor or its listeners when they change.
  const latest = useRef(options)
  latest.current = options

  useEffect(() => {
    if (!monacoModule || !host.current || hold) return
    const created = monacoModule.monaco.editor.create(host.current, latest.current.editorOptions)
    setEditor(created)
    return () => {
      created.getModel()?.dispose()
      created.dispose()
      setEditor(null)
    }
  }, [monacoModule, host, hold])

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
    const active = { editor, subject, disposed: false }
    let timer: ReturnType<typeof setTimeout> | undefined
    let queued = false
    const commitDraft = () => {
      queued = false
      if (active.disposed) return
      const parsed = parseJsonText(active.editor.getValue())
      const base = parseJsonText(draftBase.current)
      const refused = parsed.ok
        ? latest.current.commit(subject, parsed.value, base.ok ? base.value : undefined)
        : [`${parsed.issue.code} ${parsed.issue.message}`]
      // Markers after the write: the preview does not wait for them.
      showMarkers(parsed.ok ? (latest.current.check?.(subject, parsed.value) ?? []) : [])
      setProblems(refused)
      if (refused.length === 0) draftFor.current = null
    }
    const subscription = editor.onDidChangeModelContent((event) => {
      // A remote change replaced the text: mark its problems, nothing to commit.
      if (event.isFlush) {
        checkText()
        return
      }
      // The editor showed the document's text until now (no draft follows remote changes).
      if (draftFor.current === null) draftBase.current = latest.current.text
      draftFor.current = subject
      if (commitDelayMs > 0) {
        clearTimeout(timer)
        timer = setTimeout(commitDraft, commitDelayMs)
      } else if (!queued) {
        queued = true
        queueMicrotask(commitDraft)
      }
    })
    function showMarkers(issues: EditorIssue[]) {
      const model = active.editor.getModel()
      if (!model || !monacoModule) return
      const { MarkerSeverity, editor: editors } = monacoModule.monaco
      const severity = { error: MarkerSeverity.Error, warning: MarkerSeverity.Warning }
      editors.setModelMarkers(model, 'troupe', markersFor(model, issues, severity))
    }
    function checkText() {
      const parsed = parseJsonText(active.editor.getValue())
      showMarkers(parsed.ok ? (latest.current.check?.(active.subject, parsed.value) ?? []) : [])
      return parsed
    }
    // The text as it opens is checked too: problems merged in from elsewhere show at once.
    checkText()
    return () => {
      active.disposed = true
      clearTimeout(timer)
      subscription.dispose()
    }
  }, [editor, monacoModule, subject, commitDelayMs])

  return { problems, ready: editor !== null, loadError }
}
