import type { InternalNodeBase } from '@xyflow/system'
import { describe, expect, it } from 'vitest'
import { type MinimapPath, MinimapShapes } from '../src/canvas/minimapShapes'

/** A measured node as React Flow keeps it (only what the minimap reads). */
function node(id: string, x: number, y: number, selected = false): InternalNodeBase {
  return {
    id,
    position: { x, y },
    data: {},
    selected,
    measured: { width: 100, height: 40 },
    internals: { positionAbsolute: { x, y }, z: 0, userNode: { id, position: { x, y }, data: {} } },
  }
}

const lookup = (...nodes: InternalNodeBase[]) => new Map(nodes.map((n) => [n.id, n]))
const rect = (x: number, y: number) => `M${x},${y}h100v40h-100z`

/** The shapes, and every write they make, in order. */
function drawing(moving: string[]) {
  const writes: [MinimapPath, string][] = []
  const shapes = new MinimapShapes(new Set(moving), (path, d) => writes.push([path, d]))
  return { shapes, writes }
}

describe('minimap shapes', () => {
  it('draws still and moving nodes, plain and selected, each in its own path', () => {
    const { shapes, writes } = drawing(['b'])
    const bounds = shapes.update(
      lookup(node('a', 0, 0), node('b', 200, 100, true), node('c', 50, 300, true)),
    )
    expect(Object.fromEntries(writes)).toEqual({
      still: rect(0, 0),
      'still-selected': rect(50, 300),
      moving: '',
      'moving-selected': rect(200, 100),
    })
    expect(bounds).toEqual({ x: 0, y: 0, width: 300, height: 340 })
  })

  it('rewrites only the moving paths while only moving nodes move', () => {
    const { shapes, writes } = drawing(['b'])
    shapes.update(lookup(node('a', 0, 0), node('b', 20, 10)))
    writes.length = 0
    const bounds = shapes.update(lookup(node('a', 0, 0), node('b', 25, 12)))
    expect(writes).toEqual([['moving', rect(25, 12)]])
    // Inside the still node's reach the bounds are the same object as before.
    expect(shapes.update(lookup(node('a', 0, 0), node('b', 25, 12)))).toBe(bounds)
    expect(writes).toHaveLength(1)
  })

  it('rebuilds the still paths when a still node moves, is added or changes selection', () => {
    const { shapes, writes } = drawing([])
    shapes.update(lookup(node('a', 0, 0), node('b', 200, 0)))
    writes.length = 0
    shapes.update(lookup(node('a', 0, 0), node('b', 210, 0)))
    expect(writes).toEqual([['still', rect(0, 0) + rect(210, 0)]])
    shapes.update(lookup(node('a', 0, 0), node('b', 210, 0), node('c', 0, 90)))
    expect(writes.at(-1)).toEqual(['still', rect(0, 0) + rect(210, 0) + rect(0, 90)])
    shapes.update(lookup(node('a', 0, 0), node('b', 210, 0, true), node('c', 0, 90)))
    expect(writes.slice(-2)).toEqual([
      ['still', rect(0, 0) + rect(0, 90)],
      ['still-selected', rect(210, 0)],
    ])
    shapes.update(lookup(node('a', 0, 0), node('b', 210, 0, true)))
    expect(writes.at(-1)).toEqual(['still', rect(0, 0)])
  })

  it('has no bounds and draws nothing before a node has a size', () => {
    const { shapes, writes } = drawing([])
    const unmeasured = { ...node('a', 0, 0), measured: {} }
    expect(shapes.update(lookup(unmeasured))).toBeNull()
    expect(writes.filter(([, d]) => d)).toEqual([])
  })
})
