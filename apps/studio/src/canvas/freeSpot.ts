import type { XY } from '../session/store'
import { nodeFootprint } from './nodeSize'

export interface Rect extends XY {
  width: number
  height: number
}

const gap = 16

/**
 * The position nearest to `preferred` where a node of the given size overlaps none of
 * `taken`: the preferred spot itself when free, else the closest cell of rings of
 * node-sized steps around it. Adding actors from the palette uses it so they never cover
 * one another.
 */
export function findFreeSpot(preferred: XY, taken: Rect[], size = nodeFootprint): XY {
  const stepX = size.width + gap
  const stepY = size.height + gap
  for (let ring = 0; ring < 50; ring++) {
    const candidates: XY[] = []
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue
        candidates.push({ x: preferred.x + dx * stepX, y: preferred.y + dy * stepY })
      }
    }
    candidates.sort((a, b) => distance(a, preferred) - distance(b, preferred))
    const free = candidates.find(
      (spot) => !taken.some((rect) => overlaps({ ...spot, ...size }, rect)),
    )
    if (free) return free
  }
  return preferred
}

function distance(a: XY, b: XY): number {
  return Math.hypot(a.x - b.x, a.y - b.y)
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  )
}
