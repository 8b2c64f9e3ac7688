import type { ProjectDoc } from '@troupe/documents'
import { type Edge, MarkerType, type Node } from '@xyflow/react'
import type { XY } from '../session/store'
import { type ActorSummary, kindLabel, receivedTypes, summarize } from './graphSummary'
import { nodeHeight, nodeWidth } from './nodeSize'

/**
 * Project document → React Flow nodes and edges, the xyflow way: every node and edge object is
 * reused while what it shows is unchanged, so React Flow and the memoised node components skip
 * it. A selection change or a drag makes new objects for the nodes it touches only; a remote
 * edit to one actor makes a new object for that actor (and those whose summary it changes).
 */

export interface ActorNodeData extends Record<string, unknown> {
  role: string
  kind: string
  isRoot: boolean
  summary: ActorSummary
  /** True while the canvas search matches this actor. */
  match: boolean
}
export type ActorFlowNode = Node<ActorNodeData, 'actor'>

export type LinkKind = 'subscription' | 'child'
export interface LinkEdgeData extends Record<string, unknown> {
  kind: LinkKind
  from: string
  to: string
  /** Position among the parent's children (child links only). */
  index: number
}
export type LinkFlowEdge = Edge<LinkEdgeData, LinkKind>

/** Handle ids: messages leave on the right and arrive on the left; children hang below. */
export const handles = {
  messageOut: 'msg-out',
  messageIn: 'msg-in',
  childOut: 'child-out',
  parentIn: 'parent-in',
} as const

export const edgeId = (kind: LinkKind, from: string, to: string) =>
  `${kind === 'subscription' ? 'sub' : 'child'}:${from}>${to}`

/** Above every node not dragged (React Flow's own elevation of a selected node is 1000). */
const raisedZ = 1000

export class FlowNodeBuilder {
  private cache = new Map<string, ActorFlowNode>()
  private sizes = new Map<string, { width: number; height: number }>()
  /** What each node shows, kept while the snapshot and the search stay the same. */
  private shown = new Map<string, ActorNodeData>()
  private shownFor: { doc: ProjectDoc | null; matches: ReadonlySet<string> | null } = {
    doc: null,
    matches: null,
  }
  /** The last build: a frame of a drag that changes nothing else patches it. */
  private last: {
    doc: ProjectDoc
    selected: ReadonlySet<string>
    matches: ReadonlySet<string> | null
    dragging: Readonly<Record<string, XY>>
    nodes: ActorFlowNode[]
    index: Map<string, number>
  } | null = null

  /**
   * Records a node's measured size. New node objects carry it, so React Flow does not
   * measure a node again just because its object changed (a move, a rename, a selection).
   */
  measured(id: string, size: { width: number; height: number }): void {
    this.sizes.set(id, size)
  }

  build(
    doc: ProjectDoc,
    selected: ReadonlySet<string>,
    dragging: Readonly<Record<string, XY>>,
    matches: ReadonlySet<string> | null,
  ): ActorFlowNode[] {
    const last = this.last
    if (last && last.doc === doc && last.selected === selected && last.matches === matches) {
      return this.dragFrame(dragging)!
    }
    // A selection change reuses every node's data: only a new snapshot (or search)
    // recomputes summaries, so it costs one cheap pass, not a graph recompute.
    if (this.shownFor.doc !== doc || this.shownFor.matches !== matches) {
      this.shown = nodeData(doc, matches, this.shown)
      this.shownFor = { doc, matches }
    }
    const previous = this.cache
    this.cache = new Map()
    const nodes: ActorFlowNode[] = []
    const index = new Map<string, number>()
    for (const id of Object.keys(doc.actors)) {
      index.set(id, nodes.length)
      nodes.push(this.nodeFor(id, doc, selected, dragging, previous))
    }
    for (const id of this.sizes.keys()) if (!index.has(id)) this.sizes.delete(id)
    this.last = { doc, selected, matches, dragging, nodes, index }
    return nodes
  }

  /**
   * The last build's nodes with the drag moved on to `dragging`: only the nodes dragged now
   * or in the last frame can differ, so they are the only ones looked at (with 1,000 actors,
   * a pass over all of them on every frame). Null before the first build.
   */
  dragFrame(dragging: Readonly<Record<string, XY>>): ActorFlowNode[] | null {
    const last = this.last
    if (!last) return null
    const nodes = last.nodes.slice()
    for (const id of new Set([...Object.keys(dragging), ...Object.keys(last.dragging)])) {
      const at = last.index.get(id)
      if (at !== undefined) nodes[at] = this.nodeFor(id, last.doc, last.selected, dragging)
    }
    this.last = { ...last, dragging, nodes }
    return nodes
  }

  /** The node of one actor: the cached object while what it shows is unchanged. */
  private nodeFor(
    id: string,
    doc: ProjectDoc,
    selected: ReadonlySet<string>,
    dragging: Readonly<Record<string, XY>>,
    previousCache: ReadonlyMap<string, ActorFlowNode> = this.cache,
  ): ActorFlowNode {
    const actor = doc.actors[id]!
    const data = this.shown.get(id)!
    const position = dragging[id] ?? actor.position
    const isSelected = selected.has(id)
    // A node being dragged goes over the others (the canvas does not raise a node merely
    // selected: that restacking repainted the whole canvas on every click).
    const raised = id in dragging
    const previous = previousCache.get(id)
    const node =
      previous &&
      previous.selected === isSelected &&
      previous.position.x === position.x &&
      previous.position.y === position.y &&
      previous.data === data &&
      (previous.zIndex !== undefined) === raised
        ? previous
        : {
            id,
            type: 'actor' as const,
            position: { x: position.x, y: position.y },
            selected: isSelected,
            ariaLabel: `Actor ${actor.role}`,
            data,
            // Sized from what it shows (nodeSize.ts), so React Flow never hides it to measure.
            width: nodeWidth,
            height: nodeHeight(data.summary),
            ...(raised ? { zIndex: raisedZ } : {}),
            ...(this.sizes.has(id) ? { measured: this.sizes.get(id) } : {}),
          }
    this.cache.set(id, node)
    return node
  }
}

/** Each actor's node data, reusing the previous object where nothing shown changed. */
function nodeData(
  doc: ProjectDoc,
  matches: ReadonlySet<string> | null,
  previous: ReadonlyMap<string, ActorNodeData>,
): Map<string, ActorNodeData> {
  const received = receivedTypes(doc.actors)
  const shown = new Map<string, ActorNodeData>()
  for (const [id, actor] of Object.entries(doc.actors)) {
    const data: ActorNodeData = {
      role: actor.role,
      kind: kindLabel(actor.view),
      isRoot: id === doc.root,
      summary: summarize(actor, received.get(id) ?? [], doc.skills),
      match: matches?.has(id) ?? false,
    }
    const before = previous.get(id)
    shown.set(id, before && sameData(before, data) ? before : data)
  }
  return shown
}

function sameData(a: ActorNodeData, b: ActorNodeData): boolean {
  return (
    a.role === b.role &&
    a.kind === b.kind &&
    a.isRoot === b.isRoot &&
    a.match === b.match &&
    a.summary.subscriptionCount === b.summary.subscriptionCount &&
    a.summary.childCount === b.summary.childCount &&
    a.summary.receives.join('\n') === b.summary.receives.join('\n') &&
    a.summary.unhandled.join('\n') === b.summary.unhandled.join('\n')
  )
}

export class FlowEdgeBuilder {
  private cache = new Map<string, LinkFlowEdge>()

  build(doc: ProjectDoc, selected: ReadonlySet<string>): LinkFlowEdge[] {
    const next = new Map<string, LinkFlowEdge>()
    const edges: LinkFlowEdge[] = []
    const keep = (edge: LinkFlowEdge) => {
      const previous = this.cache.get(edge.id)
      // Reconnect grips only on selected edges: two grip circles on each of thousands of
      // edges were more of the canvas's elements than its nodes.
      edge.reconnectable = edge.selected === true
      const reused =
        previous &&
        previous.selected === edge.selected &&
        previous.data?.index === edge.data?.index &&
        previous.ariaLabel === edge.ariaLabel
          ? previous
          : edge
      next.set(edge.id, reused)
      edges.push(reused)
    }
    for (const [from, actor] of Object.entries(doc.actors)) {
      for (const to of actor.subscriptions) {
        if (!doc.actors[to]) continue
        const id = edgeId('subscription', from, to)
        keep({
          id,
          type: 'subscription',
          source: from,
          sourceHandle: handles.messageOut,
          target: to,
          targetHandle: handles.messageIn,
          markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
          selected: selected.has(id),
          ariaLabel: `Subscription: ${actor.role} sends its events to ${doc.actors[to].role}`,
          data: { kind: 'subscription', from, to, index: 0 },
        })
      }
      actor.children.forEach((child, index) => {
        if (!doc.actors[child]) return
        const id = edgeId('child', from, child)
        keep({
          id,
          type: 'child',
          source: from,
          sourceHandle: handles.childOut,
          target: child,
          targetHandle: handles.parentIn,
          selected: selected.has(id),
          ariaLabel: `Child ${index + 1} of ${actor.role}: ${doc.actors[child].role}`,
          data: { kind: 'child', from, to: child, index },
        })
      })
    }
    this.cache = next
    return edges
  }
}
