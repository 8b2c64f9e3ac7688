import { describe, expect, it } from 'vitest'
import { minimapBox, nextFrame, union, viewRect } from '../src/canvas/minimapFrame'

const nodes = { x: 0, y: 0, width: 1000, height: 500 }

describe('minimap frame', () => {
  it('turns the pane transform into the viewport in flow coordinates', () => {
    expect(viewRect([-100, -50, 0.5], 400, 300)).toEqual({
      x: 200,
      y: 100,
      width: 800,
      height: 600,
    })
  })

  it('covers the nodes and the viewport, with a margin', () => {
    const view = { x: 900, y: 400, width: 400, height: 300 }
    const frame = nextFrame(null, nodes, view)
    expect(union(frame, union(nodes, view))).toEqual(frame)
    expect(frame.width).toBeGreaterThan(1300)
  })

  it('stays the same object while the viewport pans inside it, so nothing is rescaled', () => {
    const first = nextFrame(null, nodes, { x: 0, y: 0, width: 1000, height: 500 })
    let frame = first
    for (let dx = 0; dx <= 100; dx += 3) {
      frame = nextFrame(frame, nodes, { x: dx, y: dx / 3, width: 1000, height: 500 })
    }
    expect(frame).toBe(first)
  })

  it('grows when the viewport leaves it and shrinks back when it is far too large', () => {
    const first = nextFrame(null, nodes, { x: 0, y: 0, width: 1000, height: 500 })
    const away = nextFrame(first, nodes, { x: 5000, y: 0, width: 1000, height: 500 })
    expect(away).not.toBe(first)
    expect(away.x + away.width).toBeGreaterThanOrEqual(6000)
    const back = nextFrame(away, nodes, { x: 0, y: 0, width: 1000, height: 500 })
    expect(back.width).toBeLessThan(away.width)
    expect(union(back, nodes)).toEqual(back)
  })

  it('centres the frame in the minimap and gives the flow units per minimap pixel', () => {
    const box = minimapBox({ x: 0, y: 0, width: 400, height: 100 }, 200, 150)
    expect(box.scale).toBe(2)
    expect(box.width).toBeCloseTo(400 + 2 * box.offset)
    expect(box.y + box.height / 2).toBeCloseTo(50)
  })
})
