import type { ActorSummary } from './graphSummary'

/**
 * Every actor node's size, known before it is drawn: a fixed width, and a height of fixed
 * lines (role, kind, summary, and the received types' row when there are any). The box's
 * border and padding and the lines' heights here and in studio.css (`.actor-node` and its
 * lines) are the same numbers; an e2e test checks that a node's text fits its box exactly.
 *
 * Known sizes are why the canvas opens fast: React Flow shows a node it has no size for
 * hidden, measures it, then shows it, restyling and laying out all of its text twice; and a
 * node zoomed far out can leave its text out entirely (ActorNode) and keep its box, so its
 * handles and edges stay where they are when the zoom crosses `farZoom`.
 */
export const nodeWidth = 180
const border = 1
const padding = 6
const paddingX = 10
const roleLine = 18
const smallLine = 15
const receivesRow = 4 + 16

export function nodeHeight(summary: Pick<ActorSummary, 'receives'>): number {
  const lines = roleLine + smallLine + smallLine + (summary.receives.length ? receivesRow : 0)
  return 2 * border + 2 * padding + lines
}

/** The size of a node whose actor receives no message type yet (a new actor). */
export const nodeFootprint = { width: nodeWidth, height: nodeHeight({ receives: [] }) }

/** The received types' row: the node's width inside its border and padding. */
const rowWidth = nodeWidth - 2 * border - 2 * paddingX
const chipGap = 3
/** A chip's width for a type of this many characters, on the safe side (10px text, 4px padding). */
const chipWidth = (characters: number) => characters * 6.5 + 8

/**
 * How many of the received types fit on the node's one row, leaving room for a "+N" chip
 * for the rest when not all fit. Text widths are estimated on the wide side, so what the
 * row shows is not cut off (the row clips whatever would still overflow).
 */
export function receivesThatFit(types: readonly string[]): number {
  let used = 0
  for (let index = 0; index < types.length; index++) {
    used += (index ? chipGap : 0) + chipWidth(types[index]!.length)
    const rest = types.length - index - 1
    const more = rest ? chipGap + chipWidth(`+${rest}`.length) : 0
    if (used + more > rowWidth) return index
  }
  return types.length
}
