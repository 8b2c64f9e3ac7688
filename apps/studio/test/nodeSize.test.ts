import { describe, expect, test } from 'vitest'
import { nodeFootprint, nodeHeight, receivesThatFit } from '../src/canvas/nodeSize'

describe('node sizes', () => {
  test('a node is taller by one row when it receives any type', () => {
    expect(nodeHeight({ receives: [] })).toBe(nodeFootprint.height)
    expect(nodeHeight({ receives: ['tapped'] })).toBe(nodeFootprint.height + 20)
    expect(nodeHeight({ receives: ['a', 'b', 'c'] })).toBe(nodeHeight({ receives: ['tapped'] }))
  })

  test('the row shows the types that fit and leaves room for a count of the rest', () => {
    expect(receivesThatFit([])).toBe(0)
    expect(receivesThatFit(['tapped', 'saved'])).toBe(2)
    // 158 px of row: five chips of "@input/x" (60 px each) do not fit, two do with "+3".
    const many = Array.from({ length: 5 }, (_, i) => `@input/${i}`)
    expect(receivesThatFit(many)).toBe(2)
    // One type too long for the row on its own is counted, not shown cut.
    expect(receivesThatFit(['@entity/createEntityWithAVeryLongNameIndeed'])).toBe(0)
  })
})
