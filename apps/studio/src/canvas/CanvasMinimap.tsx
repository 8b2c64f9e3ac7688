import { Panel, type ReactFlowState, useStore, useStoreApi } from '@xyflow/react'
import { type Rect, XYMinimap } from '@xyflow/system'
import { memo, useEffect, useId, useRef, useState } from 'react'
import { type MinimapFrame, minimapBox, nextFrame, union, viewRect } from './minimapFrame'

const width = 200
const height = 150

interface NodeShapes {
  /** Every node's rectangle as one path: one element to paint, not one per actor. */
  all: string
  selected: string
  /** The nodes' bounds in flow coordinates, null while none is measured. */
  bounds: Rect | null
}

const panZoomOf = (s: ReactFlowState) => s.panZoom
const widthOf = (s: ReactFlowState) => s.width
const heightOf = (s: ReactFlowState) => s.height
const translateExtentOf = (s: ReactFlowState) => s.translateExtent

/**
 * The canvas's minimap (pannable and zoomable, as React Flow's MiniMap). React Flow's own
 * re-renders and repaints its thousand node rectangles on every pan frame (its view box follows
 * the viewport) and keeps a store subscription per node. Here the rectangles are drawn once as
 * one path and redrawn only when a node moves, changes size or selection; the view box changes
 * only when the viewport leaves it; each pan frame only moves the view's window (a transform
 * on a layer of its own), written to the DOM from a store subscription without a React render.
 */
export const CanvasMinimap = memo(function CanvasMinimap({ ariaLabel }: { ariaLabel: string }) {
  const store = useStoreApi()
  const shapes = useNodeShapes()
  const panZoom = useStore(panZoomOf)
  const svg = useRef<SVGSVGElement>(null)
  const viewWindow = useRef<HTMLDivElement>(null)
  const frame = useRef<MinimapFrame | null>(null)
  const titleId = useId()

  // The view box and the view's window follow the store directly. The frame outlives a
  // change of the nodes (a drag changes them every frame) unless it no longer covers them.
  useEffect(() => {
    let drawn: { transform: ReactFlowState['transform']; width: number; height: number } | null =
      null
    let windowSize = ''
    const draw = (s: ReactFlowState, force: boolean) => {
      // Every store change calls this (a drag, a selection): draw only when the view moved.
      if (
        !force &&
        drawn?.transform === s.transform &&
        drawn.width === s.width &&
        drawn.height === s.height
      ) {
        return
      }
      drawn = { transform: s.transform, width: s.width, height: s.height }
      const view = viewRect(s.transform, s.width, s.height)
      const next = nextFrame(frame.current, shapes.bounds, view)
      const box = minimapBox(next, width, height)
      if (next !== frame.current) {
        frame.current = next
        svg.current?.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`)
      }
      // The view's window over the minimap, in minimap pixels (the SVG fits its view box
      // centred: preserveAspectRatio's default).
      const k = Math.min(width / box.width, height / box.height)
      const left = (width - box.width * k) / 2 + (view.x - box.x) * k
      const top = (height - box.height * k) / 2 + (view.y - box.y) * k
      const element = viewWindow.current
      if (!element) return
      element.style.transform = `translate(${left}px, ${top}px)`
      // A pan keeps the window's size: only a zoom or a new frame resizes (repaints) it.
      const size = `${view.width * k} ${view.height * k}`
      if (size !== windowSize) {
        windowSize = size
        element.style.width = `${view.width * k}px`
        element.style.height = `${view.height * k}px`
      }
    }
    draw(store.getState(), true)
    return store.subscribe((s) => draw(s, false))
  }, [store, shapes])

  const flowWidth = useStore(widthOf)
  const flowHeight = useStore(heightOf)
  const translateExtent = useStore(translateExtentOf)
  // Pressing and dragging on the minimap pans the canvas, the wheel zooms it (React Flow's
  // own minimap behaviour, from @xyflow/system). Rebuilt only when the pane changes size.
  useEffect(() => {
    const node = svg.current
    if (!node || !panZoom) return
    const minimap = XYMinimap({
      domNode: node,
      panZoom,
      getTransform: () => store.getState().transform,
      getViewScale: () => (frame.current ? minimapBox(frame.current, width, height).scale : 1),
    })
    minimap.update({
      translateExtent,
      width: flowWidth,
      height: flowHeight,
      pannable: true,
      zoomable: true,
    })
    return () => minimap.destroy()
  }, [store, panZoom, translateExtent, flowWidth, flowHeight])

  return (
    <Panel position="bottom-right" className="react-flow__minimap canvas-minimap">
      <svg
        ref={svg}
        width={width}
        height={height}
        className="react-flow__minimap-svg"
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{ariaLabel}</title>
        <path className="canvas-minimap-nodes" d={shapes.all} />
        <path className="canvas-minimap-nodes is-selected" d={shapes.selected} />
      </svg>
      {/* The part of the minimap outside the view is dimmed by the window's shadow. The
          window is a compositor layer (canvasSpeed.css), so a pan moves it without painting:
          a mask path rewritten on each frame was a repaint, and every repaint re-layers the
          page's thousands of paint chunks. */}
      <div className="canvas-minimap-mask" style={{ width, height }} aria-hidden="true">
        <div ref={viewWindow} className="canvas-minimap-window" />
      </div>
    </Panel>
  )
})

/**
 * The nodes' rectangles, rebuilt when one moves, is measured or changes selection. React Flow
 * updates some positions in place, so the check compares numbers, not objects: a few thousand
 * comparisons per store change instead of a subscription per node.
 */
function useNodeShapes(): NodeShapes {
  const store = useStoreApi()
  const [shapes, setShapes] = useState<NodeShapes>(() => shapesOf(store.getState()).shapes)
  useEffect(() => {
    let seen = shapesOf(store.getState())
    setShapes(seen.shapes)
    return store.subscribe((s) => {
      if (sameGeometry(seen.geometry, s)) return
      seen = shapesOf(s)
      setShapes(seen.shapes)
    })
  }, [store])
  return shapes
}

/** x, y, width, height and selected (1/0) of each node, in lookup order. */
function geometryOf(s: ReactFlowState): number[] {
  const out: number[] = []
  for (const node of s.nodeLookup.values()) {
    const w = node.measured.width ?? node.width ?? 0
    const h = node.measured.height ?? node.height ?? 0
    const { x, y } = node.internals.positionAbsolute
    out.push(x, y, node.hidden ? 0 : w, node.hidden ? 0 : h, node.selected ? 1 : 0)
  }
  return out
}

function sameGeometry(geometry: number[], s: ReactFlowState): boolean {
  if (geometry.length !== s.nodeLookup.size * 5) return false
  let i = 0
  for (const node of s.nodeLookup.values()) {
    const { x, y } = node.internals.positionAbsolute
    const w = node.hidden ? 0 : (node.measured.width ?? node.width ?? 0)
    const h = node.hidden ? 0 : (node.measured.height ?? node.height ?? 0)
    if (
      geometry[i] !== x ||
      geometry[i + 1] !== y ||
      geometry[i + 2] !== w ||
      geometry[i + 3] !== h ||
      geometry[i + 4] !== (node.selected ? 1 : 0)
    ) {
      return false
    }
    i += 5
  }
  return true
}

function shapesOf(s: ReactFlowState): { geometry: number[]; shapes: NodeShapes } {
  const geometry = geometryOf(s)
  const all: string[] = []
  const selected: string[] = []
  let bounds: Rect | null = null
  for (let i = 0; i < geometry.length; i += 5) {
    const [x, y, w, h, isSelected] = geometry.slice(i, i + 5) as [
      number,
      number,
      number,
      number,
      number,
    ]
    if (!w || !h) continue
    const rect = `M${x},${y}h${w}v${h}h${-w}z`
    ;(isSelected ? selected : all).push(rect)
    const box = { x, y, width: w, height: h }
    bounds = bounds ? union(bounds, box) : box
  }
  return { geometry, shapes: { all: all.join(''), selected: selected.join(''), bounds } }
}
