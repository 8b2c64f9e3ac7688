import { useStoreApi, ViewportPortal } from '@xyflow/react'
import { memo, useEffect, useRef } from 'react'
import { useStudio } from '../app/StudioContext'
import { feedFor } from '../messages/messageFeed'
import { trafficFor } from './edgeTraffic'
import { FarEdgeDrawing, type FarPath } from './farEdgeDrawing'
import type { LinkFlowEdge } from './flowElements'
import { followNodes, nodesNow } from './followNodes'
import { movingIds } from './movingNodes'
import { pulseMs } from './useLiveTraffic'

type PathList = { name: FarPath; className: string }[]

/** The paths of each of the two SVG layers: what a drag frame or a message changes is apart. */
const layers: { className: string; paths: PathList }[] = [
  {
    className: 'canvas-far-edges',
    paths: [
      { name: 'still-child', className: 'edge-child' },
      { name: 'still-subscription', className: 'edge-subscription' },
    ],
  },
  {
    className: 'canvas-far-edges is-moving',
    paths: [
      { name: 'moving-child', className: 'edge-child' },
      { name: 'moving-subscription', className: 'edge-subscription' },
      { name: 'flowing', className: 'edge-subscription is-flowing' },
    ],
  },
]

/**
 * Zoomed far out, the edges not selected are drawn here, as five SVG paths in two layers
 * (still edges; edges being dragged or flowing, canvasSpeed.css), instead of as a
 * React Flow edge each. Far out an edge is a thin line that takes no clicks (canvasSpeed.css),
 * and two thousand edge components, each a group of paths with its own store subscription,
 * were a third of the time a project of 1,000 actors took to open (`pnpm bench studio-open`).
 * The paths follow React Flow's store and the session's drag without a React render: a drag
 * frame rewrites only the paths of the edges of the nodes being dragged. Zoomed in, React
 * Flow draws every edge again.
 */
export const FarEdges = memo(function FarEdges({
  edges,
  moving,
}: {
  edges: readonly LinkFlowEdge[]
  /** The nodes being dragged (movingKey). */
  moving: string
}) {
  const store = useStoreApi()
  const { repo, instance, session } = useStudio()
  const traffic = trafficFor(feedFor(repo, instance))
  const elements = useRef(new Map<FarPath, SVGPathElement>())

  useEffect(() => {
    const drawing = new FarEdgeDrawing(edges, movingIds(moving), (name, d) =>
      elements.current.get(name)?.setAttribute('d', d),
    )
    const nodes = () => nodesNow(store, session)
    const unfollow = followNodes(store, session, (_, now) => drawing.update(now))
    const timers = new Set<ReturnType<typeof setTimeout>>()
    const unwatch = traffic.watch((flowed) => {
      drawing.flow(flowed, performance.now() + pulseMs, nodes())
      const timer = setTimeout(() => {
        timers.delete(timer)
        drawing.ebb(performance.now(), nodes())
      }, pulseMs)
      timers.add(timer)
    })
    return () => {
      unfollow()
      unwatch()
      for (const timer of timers) clearTimeout(timer)
    }
  }, [store, session, traffic, edges, moving])

  return (
    <ViewportPortal>
      {layers.map((layer) => (
        <svg key={layer.className} className={layer.className} aria-hidden="true">
          {layer.paths.map(({ name, className }) => (
            <path
              key={name}
              ref={(element) => {
                if (element) elements.current.set(name, element)
                else elements.current.delete(name)
              }}
              className={`react-flow__edge-path ${className}`}
              data-far-path={name}
            />
          ))}
        </svg>
      ))}
    </ViewportPortal>
  )
})
