import type { InternalNodeBase } from '@xyflow/system'
import { describe, expect, test } from 'vitest'
import { atDragPositions } from '../src/canvas/nodeLookup'

const node = (id: string, x: number, y: number): InternalNodeBase =>
  ({
    id,
    position: { x, y },
    data: {},
    measured: { width: 180, height: 62 },
    internals: { positionAbsolute: { x, y }, z: 0, userNode: { id, position: { x, y }, data: {} } },
  }) as InternalNodeBase

const lookup = () =>
  new Map([
    ['a', node('a', 0, 0)],
    ['b', node('b', 100, 0)],
    ['c', node('c', 200, 0)],
  ])

describe("React Flow's nodes at the drag's positions", () => {
  test('the dragged nodes are where the drag has them; the others are the same objects', () => {
    const nodes = lookup()
    const moved = atDragPositions(nodes, { b: { x: 140, y: 30 } })
    expect(moved.get('b')?.internals.positionAbsolute).toEqual({ x: 140, y: 30 })
    expect(moved.get('b')?.position).toEqual({ x: 140, y: 30 })
    expect(moved.get('b')?.measured).toEqual({ width: 180, height: 62 })
    expect(moved.get('a')).toBe(nodes.get('a'))
    expect([...moved].map(([id, n]) => [id, n.internals.positionAbsolute.x])).toEqual([
      ['a', 0],
      ['b', 140],
      ['c', 200],
    ])
    expect(moved.size).toBe(3)
    expect(moved.has('c')).toBe(true)
    expect(moved.has('z')).toBe(false)
    // React Flow's own node is left as it was.
    expect(nodes.get('b')?.internals.positionAbsolute).toEqual({ x: 100, y: 0 })
  })

  test('without a drag, or where the store already has the drag, it is the store itself', () => {
    const nodes = lookup()
    expect(atDragPositions(nodes, {})).toBe(nodes)
    expect(atDragPositions(nodes, { b: { x: 100, y: 0 } })).toBe(nodes)
    // A dragged actor that is no longer a node (deleted by someone else) is left out.
    expect(atDragPositions(nodes, { gone: { x: 1, y: 1 } })).toBe(nodes)
  })
})
