import { useStoreApi } from '@xyflow/react'
import type { DragEvent } from 'react'
import { findFreeSpot, nodeFootprint } from '../canvas/freeSpot'
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
    const taken = [...nodeLookup.values()].map((node) => ({
      ...node.internals.positionAbsolute,
      width: node.measured.width ?? nodeFootprint.width,
      height: node.measured.height ?? nodeFootprint.height,
    }))
    const preferred = {
      x: center.x - nodeFootprint.width / 2,
      y: center.y - nodeFootprint.height / 2,
    }
    const spot = findFreeSpot(preferred, taken)
    addActor(kind, { x: Math.round(spot.x), y: Math.round(spot.y) })
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
