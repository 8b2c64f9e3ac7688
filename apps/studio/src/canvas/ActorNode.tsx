import { type NodeProps, Position } from '@xyflow/react'
import { memo, useContext } from 'react'
import { type ActorFlowNode, type ActorNodeData, handles } from './flowElements'
import { FarCanvas, NodeHandle } from './NodeHandle'
import { receivesThatFit } from './nodeSize'

export type { ActorFlowNode, ActorNodeData } from './flowElements'

/**
 * One actor on the canvas: role, kind and a compact summary. Two pairs of handles keep the two
 * kinds of link apart: messages leave on the right and arrive on the left (subscriptions);
 * children hang from the bottom and attach at the top (parent-child links).
 *
 * Zoomed far out its text would be a few pixels tall: the node is then its box and handles
 * only. Its size is fixed (nodeSize.ts), so nothing moves when the zoom crosses, and with
 * 1,000 actors some 15,000 elements and texts are left out of styling, layout and hit tests.
 * Its accessible name is on React Flow's wrapper either way.
 */
export const ActorNode = memo(function ActorNode({ data, selected }: NodeProps<ActorFlowNode>) {
  const far = useContext(FarCanvas)
  const classes = ['actor-node']
  if (selected) classes.push('is-selected')
  if (data.isRoot) classes.push('is-root')
  if (data.match) classes.push('is-match')
  return (
    <div className={classes.join(' ')}>
      <NodeHandle
        type="target"
        id={handles.parentIn}
        position={Position.Top}
        className="handle-parent"
        title="Parent link: drag a parent's children handle here"
        label={`Parent link of ${data.role}`}
      />
      <NodeHandle
        type="target"
        id={handles.messageIn}
        position={Position.Left}
        className="handle-message"
        title="Messages in: drag from a sender's messages-out handle"
        label={`Messages into ${data.role}`}
      />
      {/* The node is a grid of one cell: this body and the four handles placed on its sides
          (canvasSpeed.css), so no handle needs positioning of its own. */}
      {!far && <ActorNodeBody data={data} />}
      <NodeHandle
        type="source"
        id={handles.messageOut}
        position={Position.Right}
        className="handle-message"
        title="Messages out: drag to an actor to send it this actor's events"
        label={`Messages out of ${data.role}`}
      />
      <NodeHandle
        type="source"
        id={handles.childOut}
        position={Position.Bottom}
        className="handle-child"
        title="Children: drag to an actor to make it a child of this one"
        label={`Children of ${data.role}`}
      />
    </div>
  )
})

/**
 * The node's text, one fixed line each (nodeSize.ts): a role too long ends in an ellipsis,
 * received types that do not fit are counted in a last "+N" chip; the titles say it all.
 */
function ActorNodeBody({ data }: { data: ActorNodeData }) {
  const { summary } = data
  const shown = receivesThatFit(summary.receives)
  const more = summary.receives.length - shown
  return (
    <div className="actor-node-body">
      <div className="actor-node-role" title={data.role}>
        {data.role}
      </div>
      <div className="actor-node-kind">
        {data.isRoot ? 'root · ' : ''}
        {data.kind}
      </div>
      <div className="actor-node-summary">
        <span title="Actors this one sends its events to">
          {summary.subscriptionCount} sub{summary.subscriptionCount === 1 ? '' : 's'}
        </span>
        {' · '}
        <span title="Child actors rendered inside this one">
          {summary.childCount} {summary.childCount === 1 ? 'child' : 'children'}
        </span>
      </div>
      {summary.receives.length > 0 && (
        <ul
          className="actor-node-receives"
          aria-label="Receives"
          title={`Receives ${summary.receives.join(', ')}`}
        >
          {summary.receives.slice(0, shown).map((type) => (
            <li
              key={type}
              className={summary.unhandled.includes(type) ? 'is-unhandled' : undefined}
              title={
                summary.unhandled.includes(type)
                  ? 'No built-in or project skill handles this type'
                  : undefined
              }
            >
              {type}
            </li>
          ))}
          {more > 0 && <li className="is-more">+{more}</li>}
        </ul>
      )}
    </div>
  )
}
