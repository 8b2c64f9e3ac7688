import type { ReactFlowState } from '@xyflow/react'
import type { SessionStore } from '../session/store'
import { atDragPositions, type NodeLookup } from './nodeLookup'

/** React Flow's store, as read here (its state and its change listener). */
interface FlowStore {
  getState(): ReactFlowState
  subscribe(listener: (state: ReactFlowState) => void): () => void
}

/** React Flow's nodes as they are now, the dragged ones where the session's drag has them. */
export const nodesNow = (store: FlowStore, session: SessionStore): NodeLookup =>
  atDragPositions(store.getState().nodeLookup, session.getState().dragging)

/**
 * For what draws nodes apart from React Flow (the far edge layer, the minimap): calls `draw`
 * now, on every change of React Flow's store and on every frame of the session's drag (far
 * out a drag frame does not go through the store: directDragFrames.ts), with the store's state
 * and its nodes at the drag's positions. Returns the function that stops it.
 */
export function followNodes(
  store: FlowStore,
  session: SessionStore,
  draw: (state: ReactFlowState, nodes: NodeLookup) => void,
): () => void {
  const redraw = () => draw(store.getState(), nodesNow(store, session))
  redraw()
  const unsubscribe = store.subscribe(redraw)
  const unfollow = session.subscribe((now, before) => {
    if (now.dragging !== before.dragging) redraw()
  })
  return () => {
    unsubscribe()
    unfollow()
  }
}
