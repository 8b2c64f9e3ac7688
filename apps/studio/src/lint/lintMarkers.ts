import type { LintFinding } from '@troupe/core'
import type { editor as MonacoEditor } from 'monaco-editor'
import { locatePath } from './jsonLocation'

type MonacoModule = typeof import('../editor/monacoSetup')

/**
 * Lint findings as Monaco markers in the view editors, under their own owner ("troupe-lint"),
 * so they sit beside the JSON schema's markers and anyone else's without replacing them.
 * Markers follow the text as it is edited: positions are found again on every change.
 */
export const lintOwner = 'troupe-lint'

export function viewModelUri(module: MonacoModule, actorId: string) {
  return module.monaco.Uri.parse(`${module.viewModelPrefix}${actorId}.json`)
}

/** Sets the markers of every open view model; returns a function that stops following edits. */
export function showLintMarkers(
  module: MonacoModule,
  findings: readonly LintFinding[],
): () => void {
  const { monaco } = module
  const byActor = new Map<string, LintFinding[]>()
  for (const finding of findings) {
    if (finding.path[0] !== 'view') continue
    const list = byActor.get(finding.actorId) ?? []
    list.push(finding)
    byActor.set(finding.actorId, list)
  }
  const mark = (model: MonacoEditor.ITextModel) => {
    const id = actorOf(module, model)
    if (id === null) return
    const text = model.getValue()
    const markers = (byActor.get(id) ?? []).flatMap((finding) => {
      const at = locatePath(text, finding.path.slice(1))
      if (!at) return []
      const start = model.getPositionAt(at.offset)
      const end = model.getPositionAt(at.offset + at.length)
      return [
        {
          severity: monaco.MarkerSeverity.Warning,
          message: `${finding.code} ${finding.message}`,
          code: finding.code,
          source: 'Troupe lint',
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        },
      ]
    })
    monaco.editor.setModelMarkers(model, lintOwner, markers)
  }
  const listeners = new Map<MonacoEditor.ITextModel, { dispose(): void }>()
  const follow = (model: MonacoEditor.ITextModel) => {
    if (actorOf(module, model) === null || listeners.has(model)) return
    mark(model)
    const changed = model.onDidChangeContent(() => mark(model))
    const disposed = model.onWillDispose(() => {
      changed.dispose()
      disposed.dispose()
      listeners.delete(model)
    })
    listeners.set(model, {
      dispose: () => {
        changed.dispose()
        disposed.dispose()
      },
    })
  }
  for (const model of monaco.editor.getModels()) follow(model)
  const created = monaco.editor.onDidCreateModel(follow)
  return () => {
    created.dispose()
    for (const listener of listeners.values()) listener.dispose()
  }
}

function actorOf(module: MonacoModule, model: MonacoEditor.ITextModel): string | null {
  const uri = model.uri.toString()
  const prefix = module.monaco.Uri.parse(module.viewModelPrefix).toString()
  if (!uri.startsWith(prefix) || !uri.endsWith('.json')) return null
  return decodeURIComponent(uri.slice(prefix.length, -'.json'.length))
}

/**
 * Puts the cursor on `path` (inside the actor's view) in whichever editor shows that actor's
 * view, once it does; gives up after `timeoutMs`. Returns whether it got there.
 */
export async function revealInViewEditor(
  module: MonacoModule,
  actorId: string,
  path: readonly (string | number)[],
  timeoutMs = 3000,
): Promise<boolean> {
  const uri = viewModelUri(module, actorId).toString()
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    const editor = module.monaco.editor
      .getEditors()
      .find((e) => e.getModel()?.uri.toString() === uri)
    const model = editor?.getModel()
    if (editor && model) {
      const at = locatePath(model.getValue(), path)
      if (at) {
        const start = model.getPositionAt(at.offset)
        const end = model.getPositionAt(at.offset + at.length)
        const range = new module.monaco.Range(
          start.lineNumber,
          start.column,
          end.lineNumber,
          end.column,
        )
        editor.setSelection(range)
        editor.revealRangeInCenter(range)
      }
      editor.focus()
      return true
    }
    await new Promise((resolve) => requestAnimationFrame(resolve))
  }
  return false
}
