import { Panel, type ReactFlowState, useStore, useStoreApi } from '@xyflow/react'
import { type Rect, XYMinimap } from '@xyflow/system'
import { memo, useEffect, useId, useLayoutEffect, useRef } from 'react'
import { useStudio } from '../app/StudioContext'
import { followNodes } from './followNodes'
import { type MinimapFrame, minimapBox, nextFrame, viewRect } from './minimapFrame'
import { type MinimapPath, MinimapShapes, minimapPaths } from './minimapShapes'
import { movingIds } from './movingNodes'
import type { NodeLookup } from './nodeLookup'

const width = 200
const height = 150

const pathClass: Record<MinimapPath, string> = {
  still: 'canvas-minimap-nodes',
  'still-selected': 'canvas-minimap-nodes is-selected',
  moving: 'canvas-minimap-nodes is-moving',
  'moving-selected': 'canvas-minimap-nodes is-selected is-moving',
}

const panZoomOf = (s: ReactFlowState) => s.panZoom
const widthOf = (s: ReactFlowState) => s.width
const heightOf = (s: ReactFlowState) => s.height
const translateExtentOf = (s: ReactFlowState) => s.translateExtent

/**
 * The canvas's minimap (pannable and zoomable, as React Flow's MiniMap). React Flow's own
 * re-renders and repaints its thousand node rectangles on every pan frame (its view box follows
 * the viewport) and keeps a store subscription per node. Here the rectangles are a few paths
 * (minimapShapes.ts) written from React Flow's store and the session's drag without a React
 * render: a drag frame rewrites only the paths of the nodes being dragged. The view box
 * changes only when the viewport leaves it; each pan frame only moves the view's window (a
 * transform on a layer of its own).
 */
export const CanvasMinimap = memo(function CanvasMinimap({
  ariaLabel,
  moving,
}: {
  ariaLabel: string
  /** The nodes being dragged (movingKey). */
  moving: string
}) {
  const store = useStoreApi()
  const { session } = useStudio()
  const panZoom = useStore(panZoomOf)
  const svg = useRef<SVGSVGElement>(null)
  const paths = useRef(new Map<MinimapPath, SVGPathElement>())
  const viewWindow = useRef<HTMLDivElement>(null)
  const frame = useRef<MinimapFrame | null>(null)
  const titleId = useId()

  // Drawn before the first paint; rebuilt when a drag starts or ends (which nodes move).
  useLayoutEffect(() => {
    const shapes = new MinimapShapes(movingIds(moving), (name, d) =>
      paths.current.get(name)?.setAttribute('d', d),
    )
    let bounds: Rect | null = null
    let drawn: { transform: ReactFlowState['transform']; width: number; height: number } | null =
      null
    let windowAt = ''
    let windowSize = ''
    const draw = (s: ReactFlowState, nodes: NodeLookup) => {
      const nodeBounds = shapes.update(nodes)
      // Every store change calls this (a drag, a selection): the frame and the window move
      // only when the view or the nodes' bounds did.
      if (
        nodeBounds === bounds &&
        drawn?.transform === s.transform &&
        drawn.width === s.width &&
        drawn.height === s.height
      ) {
        return
      }
      bounds = nodeBounds
      drawn = { transform: s.transform, width: s.width, height: s.height }
      const view = viewRect(s.transform, s.width, s.height)
      const next = nextFrame(frame.current, bounds, view)
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
      const at = `translate(${left}px, ${top}px)`
      if (at !== windowAt) {
        windowAt = at
        element.style.transform = at
      }
      // A pan keeps the window's size: only a zoom or a new frame resizes (repaints) it.
      const size = `${view.width * k} ${view.height * k}`
      if (size !== windowSize) {
        windowSize = size
        element.style.width = `${view.width * k}px`
        element.style.height = `${view.height * k}px`
      }
    }
    return followNodes(store, session, draw)
  }, [store, session, moving])

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
        {minimapPaths.map((name) => (
          <path
            key={name}
            ref={(element) => {
              if (element) paths.current.set(name, element)
              else paths.current.delete(name)
            }}
            className={pathClass[name]}
          />
        ))}
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
