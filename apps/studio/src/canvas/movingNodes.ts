import type { XY } from '../session/store'

/**
 * The nodes being dragged, as one string of their ids (sorted, one per line): a value that
 * stays equal from one frame of a drag to the next, so what depends on which nodes move (the
 * canvas's nodes, the far edges, the minimap) renders only when a drag starts or ends.
 */
export const movingKey = (dragging: Readonly<Record<string, XY>>): string =>
  Object.keys(dragging).sort().join('\n')

/** The ids of a `movingKey`. */
export const movingIds = (key: string): ReadonlySet<string> => new Set(key ? key.split('\n') : [])
