import type { InternalNodeBase, Rect } from '@xyflow/system'
import { union } from './minimapFrame'
import type { NodeLookup } from './nodeLookup'

/** The minimap's paths: rectangles of still nodes and of nodes being dragged, plain or selected. */
export type MinimapPath = `${'still' | 'moving'}${'' | '-selected'}`

export const minimapPaths: readonly MinimapPath[] = [
  'still',
  'moving',
  'still-selected',
  'moving-selected',
]

/** Writes one of the minimap's paths (its `d`). */
export type MinimapSink = (path: MinimapPath, d: string) => void

/** Numbers per node in a geometry list: x, y, width, height, selected (1/0). */
const stride = 5

/**
 * The minimap's node rectangles, apart from the DOM. A drag moves a few nodes on every frame:
 * their rectangles are paths of their own, so a frame rewrites only those. The thousands of
 * other rectangles are rebuilt only when a node that is not being dragged moves, is resized
 * or changes selection (rebuilding and repainting one path of every node was a frame's
 * largest script item in a CPU profile of a drag at 1,000 actors).
 */
export class MinimapShapes {
  /** Geometry of the still nodes when their paths were last built; null before the first. */
  private still: number[] | null = null
  private stillBounds: Rect | null = null
  private written = new Map<MinimapPath, string>()
  private bounds: Rect | null = null

  constructor(
    /** Ids of the nodes being dragged. */
    private moving: ReadonlySet<string>,
    private sink: MinimapSink,
  ) {}

  /**
   * Redraws what changed since the last call (everything on the first) and returns the
   * bounds of all nodes in flow coordinates: the same object while they are unchanged, null
   * while no node has a size.
   */
  update(nodes: NodeLookup): Rect | null {
    if (!this.still || !this.sameStill(nodes)) {
      const still = geometryExcept(nodes, this.moving)
      this.still = still
      const drawn = pathsOf(still)
      this.stillBounds = drawn.bounds
      this.write('still', drawn.plain)
      this.write('still-selected', drawn.selected)
    }
    const moving = pathsOf(geometryOfIds(nodes, this.moving))
    this.write('moving', moving.plain)
    this.write('moving-selected', moving.selected)
    const bounds =
      this.stillBounds && moving.bounds
        ? union(this.stillBounds, moving.bounds)
        : (this.stillBounds ?? moving.bounds)
    if (!sameRect(bounds, this.bounds)) this.bounds = bounds
    return this.bounds
  }

  private write(path: MinimapPath, d: string): void {
    if (this.written.get(path) === d) return
    this.written.set(path, d)
    this.sink(path, d)
  }

  /** The still nodes are where and as they were: compared in place, no list built. */
  private sameStill(nodes: NodeLookup): boolean {
    const still = this.still!
    let i = 0
    for (const [id, node] of nodes) {
      if (this.moving.has(id)) continue
      if (i + stride > still.length) return false
      const { x, y } = node.internals.positionAbsolute
      if (
        still[i] !== x ||
        still[i + 1] !== y ||
        still[i + 2] !== widthOf(node) ||
        still[i + 3] !== heightOf(node) ||
        still[i + 4] !== (node.selected ? 1 : 0)
      ) {
        return false
      }
      i += stride
    }
    return i === still.length
  }
}

const widthOf = (node: InternalNodeBase) =>
  node.hidden ? 0 : (node.measured.width ?? node.width ?? 0)
const heightOf = (node: InternalNodeBase) =>
  node.hidden ? 0 : (node.measured.height ?? node.height ?? 0)

/** x, y, width, height and selected (1/0) of one node, added to `out`. */
function addGeometry(out: number[], node: InternalNodeBase): void {
  const { x, y } = node.internals.positionAbsolute
  out.push(x, y, widthOf(node), heightOf(node), node.selected ? 1 : 0)
}

/** The geometry of every node but the `skipped`, in lookup order. */
function geometryExcept(nodes: NodeLookup, skipped: ReadonlySet<string>): number[] {
  const out: number[] = []
  for (const [id, node] of nodes) if (!skipped.has(id)) addGeometry(out, node)
  return out
}

/** The geometry of the nodes of `ids` (a few looked up, not every node visited). */
function geometryOfIds(nodes: NodeLookup, ids: ReadonlySet<string>): number[] {
  const out: number[] = []
  for (const id of ids) {
    const node = nodes.get(id)
    if (node) addGeometry(out, node)
  }
  return out
}

/** One path of the plain and one of the selected rectangles, and the bounds of both. */
function pathsOf(geometry: number[]): { plain: string; selected: string; bounds: Rect | null } {
  const plain: string[] = []
  const selected: string[] = []
  let bounds: Rect | null = null
  for (let i = 0; i < geometry.length; i += stride) {
    const x = geometry[i]!
    const y = geometry[i + 1]!
    const w = geometry[i + 2]!
    const h = geometry[i + 3]!
    if (!w || !h) continue
    const rect = `M${x},${y}h${w}v${h}h${-w}z`
    ;(geometry[i + 4] ? selected : plain).push(rect)
    const box = { x, y, width: w, height: h }
    bounds = bounds ? union(bounds, box) : box
  }
  return { plain: plain.join(''), selected: selected.join(''), bounds }
}

function sameRect(a: Rect | null, b: Rect | null): boolean {
  if (!a || !b) return a === b
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height
}
