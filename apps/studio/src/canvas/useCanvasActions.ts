import { formatIssue, isComposite, parseProjectText } from '@troupe/core'
import { addActors, newActorId, setActorPositions } from '@troupe/documents'
import { useReactFlow, useStoreApi } from '@xyflow/react'
import { useMemo } from 'react'
import { useStudio } from '../app/StudioContext'
import { computeLayout } from './autoLayout'
import { type ClipboardFile, copyActors, preparePaste } from './clipboard'
import type { ActorFlowNode, LinkFlowEdge } from './flowElements'
import { attempt, deleteElements, linkOfEdgeId } from './graphEdits'
import { nodeFootprint } from './nodeSize'
import { freeSpotInView } from './viewport'

export interface CanvasActions {
  /** The selection as project-file JSON, or null when nothing is selected. */
  selectionText(): string | null
  copy(): Promise<void>
  paste(text?: string): Promise<void>
  duplicate(): void
  deleteSelection(): void
  selectAll(): void
  clearSelection(): void
  autoLayout(): Promise<void>
  fitView(): void
  zoomIn(): void
  zoomOut(): void
  focusSearch(): void
}

/**
 * The canvas's actions, shared by the toolbar, the keyboard shortcuts and the command palette
 * so all three do exactly the same thing.
 */
export function useCanvasActions(): CanvasActions {
  const { project, session } = useStudio()
  const flow = useReactFlow<ActorFlowNode, LinkFlowEdge>()
  const flowStore = useStoreApi()

  return useMemo<CanvasActions>(() => {
    const notify = (text: string, tone: 'info' | 'error' = 'info') =>
      session.getState().notify(text, tone)

    const selectionText = () => {
      const file = copyActors(project.doc(), session.getState().selectedActors)
      return file ? JSON.stringify(file, null, 2) : null
    }

    /** Inserts a clipboard file's actors with new ids; returns the new ids. */
    const insert = (
      file: ClipboardFile,
      origin: { x: number; y: number },
      parentFor: (id: string) => string | null,
    ): string[] | null => {
      const doc = project.doc()
      const prepared = preparePaste(file, {
        taken: (id) => id in doc.actors,
        newId: newActorId,
        origin,
        parentFor,
      })
      if (!attempt(session, () => addActors(project, prepared))) return null
      return Object.values(prepared.ids)
    }

    const pasteParent = () => {
      const doc = project.doc()
      const selected = session.getState().selectedActorId
      const actor = selected ? doc.actors[selected] : undefined
      return actor && isComposite(actor.view) ? selected! : doc.root
    }

    return {
      selectionText,
      async copy() {
        const text = selectionText()
        if (!text) return notify('Select actors to copy')
        session.getState().setClipboard(text)
        try {
          await navigator.clipboard.writeText(text)
        } catch {
          // The session copy still pastes within this studio.
        }
        const count = session.getState().selectedActors.length
        notify(`Copied ${count} actor${count === 1 ? '' : 's'} as project-file JSON`)
      },
      async paste(given) {
        let text = given
        if (text === undefined) {
          try {
            text = await navigator.clipboard.readText()
          } catch {
            text = session.getState().clipboard ?? ''
          }
        }
        if (!text?.trim()) return notify('The clipboard is empty')
        const parsed = parseProjectText(text)
        if (!parsed.ok) {
          return notify(
            `Refused: the clipboard is not a Troupe project file: ${parsed.issues.map(formatIssue).join('; ')}`,
            'error',
          )
        }
        const file: ClipboardFile = { ...parsed.project, positions: positionsOf(text) }
        const parent = pasteParent()
        const ids = insert(file, freeSpotInView(flowStore, groupSize(file)), () => parent)
        if (!ids) return
        session.getState().setSelection(ids, [])
        notify(`Pasted ${ids.length} actor${ids.length === 1 ? '' : 's'}`)
      },
      duplicate() {
        const doc = project.doc()
        const file = copyActors(doc, session.getState().selectedActors)
        if (!file) return notify('Select actors to duplicate')
        const xs = Object.values(file.positions ?? {})
        const origin = {
          x: Math.min(...xs.map((p) => p.x)) + 40,
          y: Math.min(...xs.map((p) => p.y)) + 40,
        }
        // A copy sits beside its original: under the same parent.
        const parentOf = (id: string) =>
          Object.keys(doc.actors).find((p) => doc.actors[p]!.children.includes(id)) ?? null
        const ids = insert(file, origin, parentOf)
        if (!ids) return
        session.getState().setSelection(ids, [])
        notify(`Duplicated ${ids.length} actor${ids.length === 1 ? '' : 's'}`)
      },
      deleteSelection() {
        const { selectedActors, selectedEdges } = session.getState()
        const doc = project.doc()
        const links = selectedEdges.flatMap((id) => linkOfEdgeId(doc, id) ?? [])
        if (!selectedActors.length && !links.length) return notify('Nothing selected to delete')
        deleteElements(project, session, selectedActors, links)
      },
      selectAll() {
        session.getState().setSelection(Object.keys(project.doc().actors), [])
      },
      clearSelection() {
        session.getState().setSelection([], [])
      },
      async autoLayout() {
        const doc = project.doc()
        const positions = await computeLayout(doc, (id) => {
          const measured = flow.getInternalNode(id)?.measured
          return measured?.width && measured.height
            ? { width: measured.width, height: measured.height }
            : undefined
        })
        if (attempt(session, () => setActorPositions(project, positions), 'Arranged the canvas')) {
          // Fit once React Flow has the new positions.
          requestAnimationFrame(() => flow.fitView({ maxZoom: 1, duration: 200 }))
        }
      },
      fitView: () => void flow.fitView({ maxZoom: 1, duration: 200 }),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      focusSearch() {
        document.querySelector<HTMLInputElement>('input[data-canvas-search]')?.focus()
      },
    }
  }, [project, session, flow, flowStore])
}

/** The bounding box a pasted group needs, from its positions (one node when it has none). */
function groupSize(file: ClipboardFile): { width: number; height: number } {
  const at = Object.values(file.positions ?? {})
  if (!at.length) return nodeFootprint
  const xs = at.map((p) => p.x)
  const ys = at.map((p) => p.y)
  return {
    width: Math.max(...xs) - Math.min(...xs) + nodeFootprint.width,
    height: Math.max(...ys) - Math.min(...ys) + nodeFootprint.height,
  }
}

/** The `positions` extension of a clipboard file, which validation leaves out of the project. */
function positionsOf(text: string): ClipboardFile['positions'] {
  try {
    const raw = JSON.parse(text) as { positions?: unknown }
    return typeof raw.positions === 'object' && raw.positions !== null
      ? (raw.positions as ClipboardFile['positions'])
      : undefined
  } catch {
    return undefined
  }
}
