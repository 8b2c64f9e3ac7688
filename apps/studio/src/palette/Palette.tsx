import { useStoreApi } from '@xyflow/react'
import type { DragEvent } from 'react'
import { actorKinds, paletteDragType } from './actorKinds'
import { useAddActor } from './useAddActor'

/**
 * Palette of actor kinds. Each item is a button (click, Enter or Space adds the actor in the
 * middle of the visible canvas) and is draggable onto the canvas (dropped where released).
 */
export function Palette() {
  const addActor = useAddActor()
  const flowStore = useStoreApi()

  const addInView = (kind: string) => {
    // The middle of the visible canvas, in flow coordinates.
    const { width, height, transform, nodeLookup } = flowStore.getState()
    const [tx, ty, zoom] = transform
    const center = { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom }
    // Offset a little by the number of actors so repeated adds do not stack exactly.
    const offset = (nodeLookup.size % 8) * 24
    addActor(kind, { x: center.x - 80 + offset, y: center.y - 30 + offset })
  }

  const startDrag = (event: DragEvent, kind: string) => {
    event.dataTransfer.setData(paletteDragType, kind)
    event.dataTransfer.effectAllowed = 'copy'
  }

  return (
    <section className="studio-palette" aria-label="Palette">
      <h2>Palette</h2>
      <ul>
        {actorKinds.map((kind) => (
          <li key={kind.kind}>
            <button
              type="button"
              draggable
              title={kind.description}
              onClick={() => addInView(kind.kind)}
              onDragStart={(event) => startDrag(event, kind.kind)}
            >
              {kind.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
