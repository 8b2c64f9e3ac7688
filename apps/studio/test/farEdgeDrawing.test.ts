import { type InternalNodeBase, Position } from '@xyflow/system'
import { describe, expect, it } from 'vitest'
import { linkShape } from '../src/canvas/edgePaths'
import { FarEdgeDrawing, type FarPath } from '../src/canvas/farEdgeDrawing'
import { edgeId, handles, type LinkFlowEdge, type LinkKind } from '../src/canvas/flowElements'

const width = 100
const height = 40

/** A measured node as React Flow keeps it, with its four handles centred on their sides. */
function node(id: string, x: number, y: number): InternalNodeBase {
  const handle = (
    handleId: string,
    type: 'source' | 'target',
    position: Position,
    hx: number,
    hy: number,
  ) => ({ id: handleId, type, position, x: hx - 5, y: hy - 5, width: 10, height: 10, nodeId: id })
  return {
    id,
    position: { x, y },
    data: {},
    measured: { width, height },
    internals: {
      positionAbsolute: { x, y },
      z: 0,
      userNode: { id, position: { x, y }, data: {} },
      handleBounds: {
        source: [
          handle(handles.messageOut, 'source', Position.Right, width, height / 2),
          handle(handles.childOut, 'source', Position.Bottom, width / 2, height),
        ],
        target: [
          handle(handles.messageIn, 'target', Position.Left, 0, height / 2),
          handle(handles.parentIn, 'target', Position.Top, width / 2, 0),
        ],
      },
    },
  }
}

function edge(kind: LinkKind, source: string, target: string): LinkFlowEdge {
  const subscription = kind === 'subscription'
  return {
    id: edgeId(kind, source, target),
    type: kind,
    source,
    target,
    sourceHandle: subscription ? handles.messageOut : handles.childOut,
    targetHandle: subscription ? handles.messageIn : handles.parentIn,
    data: { kind, from: source, to: target, index: 0 },
  }
}

/** The drawing's paths as last written, and how many times each was written. */
function sink() {
  const d = new Map<FarPath, string>()
  const writes = new Map<FarPath, number>()
  const write = (path: FarPath, value: string) => {
    d.set(path, value)
    writes.set(path, (writes.get(path) ?? 0) + 1)
  }
  return { d, writes, write }
}

const lookup = (...nodes: InternalNodeBase[]) => new Map(nodes.map((n) => [n.id, n]))
const moved = (n: InternalNodeBase, x: number, y: number): InternalNodeBase => ({
  ...n,
  position: { x, y },
  internals: { ...n.internals, positionAbsolute: { x, y } },
})
/** How many edges a path draws: each starts with its own M. */
const count = (d: string | undefined) => (d?.match(/M/g) ?? []).length

describe('FarEdgeDrawing', () => {
  const a = node('a', 0, 0)
  const b = node('b', 300, 0)
  const c = node('c', 0, 200)
  const edges = [
    edge('subscription', 'a', 'b'),
    edge('subscription', 'b', 'b'),
    edge('child', 'a', 'c'),
    edge('subscription', 'c', 'a'),
  ]

  it('draws every edge once, where React Flow draws it, in the path of its kind', () => {
    const out = sink()
    new FarEdgeDrawing(edges, new Set(), out.write).update(lookup(a, b, c))
    expect(count(out.d.get('still-subscription'))).toBe(3)
    expect(count(out.d.get('still-child'))).toBe(1)
    expect(out.d.get('moving-subscription')).toBe('')
    expect(out.d.get('moving-child')).toBe('')
    // The same shape as the edge components': a→b leaves the outer side of a's right handle
    // for the outer side of b's left one (each handle sticks out 5 past its node).
    const ends = {
      sourceX: width + 5,
      sourceY: height / 2,
      sourcePosition: Position.Right,
      targetX: 295,
      targetY: height / 2,
      targetPosition: Position.Left,
    }
    expect(out.d.get('still-subscription')).toContain(linkShape('subscription', ends, false)[0])
    // b's loop to itself rises above it.
    const loop = { ...ends, sourceX: 405, targetX: 295 }
    expect(out.d.get('still-subscription')).toContain(linkShape('subscription', loop, true)[0])
  })

  it('on a drag frame rewrites only the dragged nodes’ edges', () => {
    const out = sink()
    const drawing = new FarEdgeDrawing(edges, new Set(['c']), out.write)
    drawing.update(lookup(a, b, c))
    // c's two edges (its child link from a, its subscription to a) move with it.
    expect(count(out.d.get('still-subscription'))).toBe(2)
    expect(count(out.d.get('moving-subscription'))).toBe(1)
    expect(count(out.d.get('moving-child'))).toBe(1)
    const still = out.d.get('still-subscription')
    const before = out.d.get('moving-child')

    for (let x = 10; x <= 60; x += 10) drawing.update(lookup(a, b, moved(c, x, 200)))
    expect(out.writes.get('still-subscription')).toBe(1)
    expect(out.writes.get('still-child')).toBe(1)
    expect(out.writes.get('moving-child')).toBe(7)
    expect(out.d.get('moving-child')).not.toBe(before)
    expect(out.d.get('still-subscription')).toBe(still)

    // A frame that moves nothing writes nothing.
    drawing.update(lookup(a, b, moved(c, 60, 200)))
    expect(out.writes.get('moving-child')).toBe(7)
    // A node not being dragged that moves (a remote edit) redraws the rest too.
    drawing.update(lookup(moved(a, 5, 5), b, moved(c, 60, 200)))
    expect(out.writes.get('still-subscription')).toBe(2)
  })

  it('leaves out the edges of a removed node', () => {
    const out = sink()
    const drawing = new FarEdgeDrawing(edges, new Set(), out.write)
    drawing.update(lookup(a, b, c))
    drawing.update(lookup(a, b))
    expect(count(out.d.get('still-subscription'))).toBe(2)
    expect(count(out.d.get('still-child'))).toBe(0)
  })

  it('highlights a flowing edge until its time is up; a later message extends it', () => {
    const out = sink()
    const drawing = new FarEdgeDrawing(edges, new Set(), out.write)
    const nodes = lookup(a, b, c)
    drawing.update(nodes)
    // Edges it does not draw (given to React Flow) are not its to highlight.
    drawing.flow([edgeId('subscription', 'a', 'b'), 'sub:x>y'], 600, nodes)
    expect(count(out.d.get('flowing'))).toBe(1)
    drawing.flow([edgeId('subscription', 'a', 'b'), edgeId('subscription', 'c', 'a')], 900, nodes)
    expect(count(out.d.get('flowing'))).toBe(2)
    drawing.ebb(600, nodes)
    expect(count(out.d.get('flowing'))).toBe(2)
    drawing.ebb(900, nodes)
    expect(count(out.d.get('flowing'))).toBe(0)
  })
})
