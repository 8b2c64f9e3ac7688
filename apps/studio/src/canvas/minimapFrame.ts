import type { Rect, Transform } from '@xyflow/system'

/**
 * The part of the flow the minimap shows. It covers the nodes and the viewport with a margin
 * and stays put while the viewport moves inside it, so panning does not rescale (and so
 * repaint) every node rectangle of the minimap each frame.
 */
export type MinimapFrame = Rect

/** Margin added on each side when the frame has to change, as a share of its size. */
const margin = 0.15
/** A frame more than this many times the area it must cover shrinks back. */
const slack = 2.5
/** Minimap pixels of padding around the frame (React Flow's MiniMap offsetScale). */
const padding = 5

/** The viewport in flow coordinates. */
export function viewRect(transform: Transform, width: number, height: number): Rect {
  const [x, y, zoom] = transform
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom }
}

export function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  }
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  )
}

/**
 * The frame after the nodes or the viewport changed: the current one while it still covers
 * both and is not far too large, else a new one around them with a margin.
 */
export function nextFrame(
  current: MinimapFrame | null,
  nodes: Rect | null,
  view: Rect,
): MinimapFrame {
  const needed = nodes ? union(nodes, view) : view
  if (
    current &&
    contains(current, needed) &&
    current.width * current.height <= slack * needed.width * needed.height
  ) {
    return current
  }
  const dx = needed.width * margin
  const dy = needed.height * margin
  return {
    x: needed.x - dx,
    y: needed.y - dy,
    width: needed.width + 2 * dx,
    height: needed.height + 2 * dy,
  }
}

/**
 * The SVG view box that shows `frame` centred in a minimap of `width` × `height` pixels, the
 * padding around it (flow units) and the flow units per minimap pixel (what XYMinimap needs
 * to turn a drag on the minimap into a pan).
 */
export function minimapBox(frame: MinimapFrame, width: number, height: number) {
  const scale = Math.max(frame.width / width, frame.height / height)
  const offset = padding * scale
  const viewWidth = scale * width
  const viewHeight = scale * height
  return {
    x: frame.x - (viewWidth - frame.width) / 2 - offset,
    y: frame.y - (viewHeight - frame.height) / 2 - offset,
    width: viewWidth + 2 * offset,
    height: viewHeight + 2 * offset,
    offset,
    scale,
  }
}
