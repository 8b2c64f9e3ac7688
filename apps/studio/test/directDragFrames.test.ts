import { describe, expect, test } from 'vitest'
import { canMoveDirectly } from '../src/canvas/directDragFrames'

const moving = new Set(['a', 'b'])
const far = { far: true, edges: [], selectionBox: false }

describe('when a drag may move the dragged elements directly', () => {
  test('far out, with nothing React Flow draws attached to the dragged nodes', () => {
    expect(canMoveDirectly(far, moving)).toBe(true)
    // A selected edge between two nodes not dragged stays where it is anyway.
    expect(canMoveDirectly({ ...far, edges: [{ source: 'c', target: 'd' }] }, moving)).toBe(true)
  })

  test('not zoomed in, where React Flow draws the edges from its store', () => {
    expect(canMoveDirectly({ ...far, far: false }, moving)).toBe(false)
  })

  test('not with a selected edge of a dragged node, at either end', () => {
    expect(canMoveDirectly({ ...far, edges: [{ source: 'a', target: 'c' }] }, moving)).toBe(false)
    expect(canMoveDirectly({ ...far, edges: [{ source: 'c', target: 'b' }] }, moving)).toBe(false)
  })

  test('not while React Flow draws its box around a selection', () => {
    expect(canMoveDirectly({ ...far, selectionBox: true }, moving)).toBe(false)
  })
})
