import { describe, expect, test } from 'vitest'
import { movingIds, movingKey } from '../src/canvas/movingNodes'

describe('the key of the nodes being dragged', () => {
  test('is the same for every frame of one drag, and gives back its ids', () => {
    const frame = movingKey({ b: { x: 1, y: 2 }, a: { x: 3, y: 4 } })
    expect(movingKey({ a: { x: 9, y: 9 }, b: { x: 8, y: 8 } })).toBe(frame)
    expect([...movingIds(frame)]).toEqual(['a', 'b'])
    expect(movingKey({})).toBe('')
    expect(movingIds('').size).toBe(0)
  })
})
