import { BaseEdge, type EdgeProps } from '@xyflow/react'
import { memo } from 'react'
import { linkShape } from './edgePaths'
import type { LinkFlowEdge } from './flowElements'
import { useLiveTraffic } from './useLiveTraffic'

/**
 * Subscription edge: message flow, dashed with an arrow (animated while selected); an actor
 * that subscribes to itself gets a loop (edgePaths.ts).
 */
export const SubscriptionEdge = memo(function SubscriptionEdge(props: EdgeProps<LinkFlowEdge>) {
  const { id, source, target, markerEnd, selected } = props
  const { group, label, initial } = useLiveTraffic(id)
  const [path, labelX, labelY] = linkShape('subscription', props, source === target)
  return (
    <g ref={group} className="edge-live">
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`edge-subscription${selected ? ' is-selected' : ''}`}
      />
      {/* Filled in by the live traffic painter, not by React, so a flood renders nothing. */}
      <text ref={label} x={labelX} y={labelY} className="edge-traffic" data-edge-traffic={id}>
        {initial ? String(initial) : ''}
      </text>
    </g>
  )
})

/** Parent-child edge: solid, stepped, labelled with the child's place in the parent's order. */
export const ChildEdge = memo(function ChildEdge(props: EdgeProps<LinkFlowEdge>) {
  const [path, labelX, labelY] = linkShape('child', props, false)
  const order = (props.data?.index ?? 0) + 1
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        className={`edge-child${props.selected ? ' is-selected' : ''}`}
      />
      <OrderLabel x={labelX} y={labelY} text={String(order)} />
    </>
  )
})

// The label is a few digits, so its box is sized from the digit count. React Flow's own edge
// label measures its text with getBBox after mounting, which forces a layout per edge: on a
// project of 1,000 actors that was most of the time the canvas took to appear.
const digitWidth = 6.5
const labelHeight = 16

function OrderLabel({ x, y, text }: { x: number; y: number; text: string }) {
  const width = text.length * digitWidth + 8
  return (
    <g transform={`translate(${x} ${y})`} className="react-flow__edge-textwrapper">
      <rect
        className="react-flow__edge-textbg"
        x={-width / 2}
        y={-labelHeight / 2}
        width={width}
        height={labelHeight}
        rx={4}
        ry={4}
      />
      <text className="react-flow__edge-text" textAnchor="middle" dominantBaseline="central">
        {text}
      </text>
    </g>
  )
}

export const edgeTypes = { subscription: SubscriptionEdge, child: ChildEdge }
