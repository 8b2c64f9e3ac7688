import type { JsonPath, TroupeIssue } from '@troupe/core'
import { findNodeAtLocation, type Node, parseTree } from 'jsonc-parser'
import type { editor as MonacoEditor } from 'monaco-editor'

/** A problem to mark in the editor: a TRP issue at a JSON path of the edited text. */
export interface EditorIssue extends Pick<TroupeIssue, 'code' | 'message' | 'path'> {
  /** Problems that keep the text from being written are errors (the default). */
  severity?: 'error' | 'warning'
}

/**
 * Where in `text` a JSON path is, as an offset and length. A scalar is marked itself; an
 * object or list by its key (marking a whole block would cover everything inside it). A path
 * that goes further than the text (a missing key) marks the deepest part that is there.
 */
export function rangeOfPath(text: string, path: JsonPath): { offset: number; length: number } {
  const root = parseTree(text)
  if (!root) return { offset: 0, length: 0 }
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth))
    if (node) return spanOf(node)
  }
  return { offset: root.offset, length: 1 }
}

function spanOf(node: Node): { offset: number; length: number } {
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined
  if ((node.type === 'object' || node.type === 'array') && key) {
    return { offset: key.offset, length: key.length }
  }
  if (node.type === 'object' || node.type === 'array') return { offset: node.offset, length: 1 }
  return { offset: node.offset, length: node.length }
}

/** Monaco markers for issues in a model's text (owner "troupe", beside the JSON schema's own). */
export function markersFor(
  model: MonacoEditor.ITextModel,
  issues: readonly EditorIssue[],
  severity: { error: number; warning: number },
): MonacoEditor.IMarkerData[] {
  const text = model.getValue()
  return issues.map((issue) => {
    const { offset, length } = rangeOfPath(text, issue.path)
    const start = model.getPositionAt(offset)
    const end = model.getPositionAt(offset + Math.max(length, 1))
    return {
      severity: severity[issue.severity ?? 'error'],
      code: issue.code,
      message: `${issue.code} ${issue.message}`,
      source: 'Troupe',
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    }
  })
}
