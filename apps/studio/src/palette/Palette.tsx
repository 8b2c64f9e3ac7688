import { useStoreApi } from '@xyflow/react'
import type { DragEvent } from 'react'
import { freeSpotInView } from '../canvas/viewport'
import { actorKinds, paletteDragType } from './actorKinds'
import { actorTemplates } from './templates'
import { useAddActor } from './useAddActor'

/**
 * Palette of actor kinds and multi-actor templates. Each item is a button (click, Enter or
 * Space adds it in the middle of the visible canvas) and is draggable onto the canvas
 * (dropped where released).
 */
export function Palette() {
  const addActor = useAddActor()
  const flowStore = useStoreApi()

  const startDrag = (event: DragEvent, kind: string) => {
    event.dataTransfer.setData(paletteDragType, kind)
    event.dataTransfer.effectAllowed = 'copy'
  }

  const item = (kind: { kind: string; label: string; description: string }) => (
    <li key={kind.kind}>
      <button
        type="button"
        draggable
        title={kind.description}
        onClick={() => addActor(kind.kind, freeSpotInView(flowStore))}
        onDragStart={(event) => startDrag(event, kind.kind)}
      >
        {kind.label}
      </button>
    </li>
  )

  return (
    <section className="studio-palette" aria-label="Palette">
      <h2>Palette</h2>
      <ul aria-label="Actor kinds">{actorKinds.map(item)}</ul>
      <h2 className="studio-palette-templates">Templates</h2>
      <ul aria-label="Templates">{actorTemplates.map(item)}</ul>
    </section>
  )
}
