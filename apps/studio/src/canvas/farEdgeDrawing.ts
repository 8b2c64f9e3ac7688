import { ConnectionMode, getEdgePosition, type InternalNodeBase } from '@xyflow/system'
import { linkShape } from './edgePaths'
import type { LinkFlowEdge, LinkKind } from './flowElements'
import type { NodeLookup } from './nodeLookup'

/** The layer's paths: edges of still nodes, edges of nodes being dragged, edges flowing. */
export type FarPath = `${'still' | 'moving'}-${LinkKind}` | 'flowing'

/** Writes one of the layer's paths (its `d`). */
export type PathSink = (path: FarPath, d: string) => void

/** What an edge's ends depend on: a node's place, size and measured handles. */
interface NodeMark {
  x: number
  y: number
  width: number | undefined
  height: number | undefined
  handles: unknown
}

const markOf = (node: InternalNodeBase): NodeMark => ({
  x: node.internals.positionAbsolute.x,
  y: node.internals.positionAbsolute.y,
  width: node.measured.width,
  height: node.measured.height,
  handles: node.internals.handleBounds,
})

/** Compared field by field, without a mark per node: this runs on every store change (a pan). */
const sameAs = (mark: NodeMark, node: InternalNodeBase) =>
  mark.x === node.internals.positionAbsolute.x &&
  mark.y === node.internals.positionAbsolute.y &&
  mark.width === node.measured.width &&
  mark.height === node.measured.height &&
  mark.handles === node.internals.handleBounds

/**
 * The far-out edge layer's drawing, apart from the DOM: edges as a few SVG paths. A drag
 * moves a few nodes on every frame, so the edges of the nodes being dragged have paths of
 * their own and a frame rewrites only those; the paths of the thousands of other edges are
 * rewritten only when a node that is not being dragged changes.
 */
export class FarEdgeDrawing {
  private seen = new Map<string, NodeMark>()
  private drawn = false
  /** Flowing edges, each with the time its highlight ends. */
  private flowing = new Map<string, number>()
  private byId = new Map<string, LinkFlowEdge>()
  /** The edges of the nodes being dragged, and the others: split once, drawn every frame. */
  private groups: Record<'still' | 'moving', LinkFlowEdge[]> = { still: [], moving: [] }

  constructor(
    edges: readonly LinkFlowEdge[],
    /** Ids of the nodes being dragged. */
    private moving: ReadonlySet<string>,
    private sink: PathSink,
  ) {
    for (const edge of edges) {
      this.byId.set(edge.id, edge)
      const isMoving = moving.has(edge.source) || moving.has(edge.target)
      this.groups[isMoving ? 'moving' : 'still'].push(edge)
    }
  }

  /** Draws what changed in the nodes since the last call (everything on the first). */
  update(nodes: NodeLookup): void {
    const changed = this.changedNodes(nodes)
    if (this.drawn && changed.length === 0) return
    const stillChanged = !this.drawn || changed.some((id) => !this.moving.has(id))
    this.drawn = true
    if (stillChanged) this.drawGroup('still', nodes)
    this.drawGroup('moving', nodes)
    if (this.flowing.size) this.drawFlowing(nodes)
  }

  /** Highlights edges (the ones this layer draws) that got messages, until `until`. */
  flow(ids: Iterable<string>, until: number, nodes: NodeLookup): void {
    let any = false
    for (const id of ids) {
      if (!this.byId.has(id)) continue
      any ||= !this.flowing.has(id)
      this.flowing.set(id, until)
    }
    if (any) this.drawFlowing(nodes)
  }

  /** Ends the highlight of the edges whose time is up at `now` (a later message extends it). */
  ebb(now: number, nodes: NodeLookup): void {
    let any = false
    for (const [id, until] of this.flowing) {
      if (until > now) continue
      this.flowing.delete(id)
      any = true
    }
    if (any) this.drawFlowing(nodes)
  }

  private changedNodes(nodes: NodeLookup): string[] {
    const changed: string[] = []
    for (const [id, node] of nodes) {
      const before = this.seen.get(id)
      if (!before || !sameAs(before, node)) {
        changed.push(id)
        this.seen.set(id, markOf(node))
      }
    }
    if (this.seen.size > nodes.size) {
      for (const id of this.seen.keys()) {
        if (!nodes.has(id)) {
          changed.push(id)
          this.seen.delete(id)
        }
      }
    }
    return changed
  }

  private drawGroup(group: 'still' | 'moving', nodes: NodeLookup) {
    const parts: Record<LinkKind, string[]> = { subscription: [], child: [] }
    for (const edge of this.groups[group]) {
      if (!edge.type) continue
      const path = pathOf(edge, nodes)
      if (path) parts[edge.type].push(path)
    }
    this.sink(`${group}-subscription`, parts.subscription.join(' '))
    this.sink(`${group}-child`, parts.child.join(' '))
  }

  private drawFlowing(nodes: NodeLookup) {
    const parts: string[] = []
    for (const id of this.flowing.keys()) {
      const path = pathOf(this.byId.get(id)!, nodes)
      if (path) parts.push(path)
    }
    this.sink('flowing', parts.join(' '))
  }
}

/** The edge's path where React Flow would draw it, or null while an end is unmeasured. */
function pathOf(edge: LinkFlowEdge, nodes: NodeLookup): string | null {
  const sourceNode = nodes.get(edge.source)
  const targetNode = nodes.get(edge.target)
  if (!sourceNode || !targetNode || !edge.type) return null
  const ends = getEdgePosition({
    id: edge.id,
    sourceNode,
    sourceHandle: edge.sourceHandle ?? null,
    targetNode,
    targetHandle: edge.targetHandle ?? null,
    connectionMode: ConnectionMode.Strict,
  })
  return ends ? linkShape(edge.type, ends, edge.source === edge.target)[0] : null
}
