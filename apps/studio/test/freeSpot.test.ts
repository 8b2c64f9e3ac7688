import { expect, test } from 'vitest'
import { findFreeSpot } from '../src/canvas/freeSpot'
import { nodeFootprint } from '../src/canvas/nodeSize'

const at = (x: number, y: number) => ({ x, y, ...nodeFootprint })

test('the preferred spot is used when nothing is there', () => {
  expect(findFreeSpot({ x: 10, y: 20 }, [at(500, 500)])).toEqual({ x: 10, y: 20 })
})

test('a taken spot moves to the nearest free neighbour, never overlapping', () => {
  const taken = [at(0, 0)]
  const spot = findFreeSpot({ x: 0, y: 0 }, taken)
  expect(spot).not.toEqual({ x: 0, y: 0 })
  const overlapsX = spot.x < nodeFootprint.width && spot.x + nodeFootprint.width > 0
  const overlapsY = spot.y < nodeFootprint.height && spot.y + nodeFootprint.height > 0
  expect(overlapsX && overlapsY).toBe(false)
})

test('repeated adds at one centre all get distinct, non-overlapping spots', () => {
  const taken: ReturnType<typeof at>[] = []
  for (let i = 0; i < 20; i++) {
    const spot = findFreeSpot({ x: 100, y: 100 }, taken)
    for (const rect of taken) {
      const apart =
        spot.x >= rect.x + rect.width ||
        rect.x >= spot.x + nodeFootprint.width ||
        spot.y >= rect.y + rect.height ||
        rect.y >= spot.y + nodeFootprint.height
      expect(apart).toBe(true)
    }
    taken.push(at(spot.x, spot.y))
  }
})
