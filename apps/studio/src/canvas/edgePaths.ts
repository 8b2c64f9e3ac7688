import { getBezierPath, getSmoothStepPath, type Position } from '@xyflow/react'
import type { LinkKind } from './flowElements'

/** Where an edge starts and ends, as React Flow gives it to an edge component. */
export interface EdgeEnds {
  sourceX: number
  sourceY: number
  targetX: number
  targetY: number
  sourcePosition: Position
  targetPosition: Position
}

/** An edge's SVG path and the middle point its label sits on. */
export type EdgeShape = [path: string, labelX: number, labelY: number]

/** How far a self-loop rises above its actor. */
const loopLift = 48

/**
 * The shape of a link, the same for React Flow's edge components and for the canvas's far-out
 * edge layer (FarEdges.tsx), so an edge does not move when the zoom crosses between the two.
 * A subscription is a curve, or for an actor subscribed to itself a loop from its right
 * handle over its top back to its left; a child link is stepped.
 */
export function linkShape(kind: LinkKind, ends: EdgeEnds, selfLoop: boolean): EdgeShape {
  if (kind === 'child') return shape(getSmoothStepPath(ends))
  if (!selfLoop) return shape(getBezierPath(ends))
  const { sourceX, sourceY, targetX, targetY } = ends
  const top = Math.min(sourceY, targetY) - loopLift
  const path = `M ${sourceX} ${sourceY} C ${sourceX + loopLift} ${sourceY}, ${sourceX + loopLift} ${top}, ${sourceX} ${top} L ${targetX} ${top} C ${targetX - loopLift} ${top}, ${targetX - loopLift} ${targetY}, ${targetX} ${targetY}`
  return [path, (sourceX + targetX) / 2, top - 4]
}

const shape = ([path, labelX, labelY]: [string, number, number, ...number[]]): EdgeShape => [
  path,
  labelX,
  labelY,
]
