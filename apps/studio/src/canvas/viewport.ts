import type { useStoreApi } from '@xyflow/react'
import type { XY } from '../session/store'
import { findFreeSpot } from './freeSpot'
import { nodeFootprint } from './nodeSize'

type FlowStore = ReturnType<typeof useStoreApi>

/** The middle of the visible canvas, in flow coordinates. */
export function viewCenter(flowStore: FlowStore): XY {
  const { width, height, transform } = flowStore.getState()
  const [tx, ty, zoom] = transform
  return { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom }
}

/**
 * A free spot near the middle of the visible canvas for something of `size` (one new node by
 * default, or a pasted group's bounding box), so it covers no node already there.
 */
export function freeSpotInView(flowStore: FlowStore, size = nodeFootprint): XY {
  const center = viewCenter(flowStore)
  const taken = [...flowStore.getState().nodeLookup.values()].map((node) => ({
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? nodeFootprint.width,
    height: node.measured.height ?? nodeFootprint.height,
  }))
  const spot = findFreeSpot(
    { x: center.x - size.width / 2, y: center.y - size.height / 2 },
    taken,
    size,
  )
  return { x: Math.round(spot.x), y: Math.round(spot.y) }
}
