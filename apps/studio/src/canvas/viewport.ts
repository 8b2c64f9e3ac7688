import type { useStoreApi } from '@xyflow/react'
import type { XY } from '../session/store'
import { findFreeSpot, nodeFootprint } from './freeSpot'

type FlowStore = ReturnType<typeof useStoreApi>

/** The middle of the visible canvas, in flow coordinates. */
export function viewCenter(flowStore: FlowStore): XY {
  const { width, height, transform } = flowStore.getState()
  const [tx, ty, zoom] = transform
  return { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom }
}

/** A free spot for one new node near the middle of the visible canvas. */
export function freeSpotInView(flowStore: FlowStore): XY {
  const center = viewCenter(flowStore)
  const taken = [...flowStore.getState().nodeLookup.values()].map((node) => ({
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? nodeFootprint.width,
    height: node.measured.height ?? nodeFootprint.height,
  }))
  const spot = findFreeSpot(
    { x: center.x - nodeFootprint.width / 2, y: center.y - nodeFootprint.height / 2 },
    taken,
  )
  return { x: Math.round(spot.x), y: Math.round(spot.y) }
}
