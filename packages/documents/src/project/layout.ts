import type { ProjectFile } from '@troupe/core'
import type { CanvasPosition } from '../schema/project'

const COLUMN = 260
const ROW = 180

/**
 * Canvas positions for a project that arrives without any (a project file is the definition
 * only): each actor one row below its parent, siblings side by side, actors outside the
 * root's tree in a last row. Deterministic, so an import looks the same every time.
 */
export function layoutActors(
  file: Pick<ProjectFile, 'root' | 'actors'>,
): Record<string, CanvasPosition> {
  const positions: Record<string, CanvasPosition> = {}
  const columnsInRow: number[] = []
  const place = (id: string, depth: number) => {
    const column = columnsInRow[depth] ?? 0
    columnsInRow[depth] = column + 1
    positions[id] = { x: column * COLUMN, y: depth * ROW }
  }
  const queue: [string, number][] = [[file.root, 0]]
  while (queue.length) {
    const [id, depth] = queue.shift()!
    if (positions[id] || !file.actors[id]) continue
    place(id, depth)
    for (const child of file.actors[id].children) queue.push([child, depth + 1])
  }
  const lastRow = columnsInRow.length
  for (const id of Object.keys(file.actors)) if (!positions[id]) place(id, lastRow)
  return positions
}
