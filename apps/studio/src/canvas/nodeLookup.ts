import type { InternalNodeBase } from '@xyflow/system'
import type { XY } from '../session/store'

/** React Flow's internal nodes by id, as the far edge layer and the minimap read them. */
export interface NodeLookup extends Iterable<[string, InternalNodeBase]> {
  readonly size: number
  get(id: string): InternalNodeBase | undefined
  has(id: string): boolean
}

/**
 * React Flow's nodes with the dragged ones where the drag has them now (the session's
 * `dragging`). Far out a drag leaves React Flow's store as it was when the drag started
 * (directDragFrames.ts), so what draws the dragged nodes apart from React Flow (their edges
 * in the far layer, their rectangles in the minimap) reads their places here; zoomed in the
 * store has the same places. The other nodes are React Flow's own objects, not copied.
 */
export function atDragPositions(
  nodes: NodeLookup,
  dragging: Readonly<Record<string, XY>>,
): NodeLookup {
  let moved: Map<string, InternalNodeBase> | null = null
  for (const [id, at] of Object.entries(dragging)) {
    const node = nodes.get(id)
    if (!node) continue
    const { x, y } = node.internals.positionAbsolute
    if (x === at.x && y === at.y) continue
    moved ??= new Map()
    moved.set(id, {
      ...node,
      position: { x: at.x, y: at.y },
      internals: { ...node.internals, positionAbsolute: { x: at.x, y: at.y } },
    })
  }
  return moved ? new MovedNodes(nodes, moved) : nodes
}

class MovedNodes implements NodeLookup {
  constructor(
    private readonly base: NodeLookup,
    private readonly moved: ReadonlyMap<string, InternalNodeBase>,
  ) {}

  get size(): number {
    return this.base.size
  }

  get(id: string): InternalNodeBase | undefined {
    return this.moved.get(id) ?? this.base.get(id)
  }

  has(id: string): boolean {
    return this.base.has(id)
  }

  *[Symbol.iterator](): Iterator<[string, InternalNodeBase]> {
    for (const [id, node] of this.base) yield [id, this.moved.get(id) ?? node]
  }
}
