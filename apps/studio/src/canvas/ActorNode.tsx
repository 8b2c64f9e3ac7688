import { Handle, type Node, type NodeProps, Position } from '@xyflow/react'
import { memo } from 'react'

export interface ActorNodeData extends Record<string, unknown> {
  role: string
  kind: string
  isRoot: boolean
  childCount: number
}

export type ActorFlowNode = Node<ActorNodeData, 'actor'>

/** One actor on the canvas: its role and kind, and whether it is the root. */
export const ActorNode = memo(function ActorNode({ data, selected }: NodeProps<ActorFlowNode>) {
  return (
    <div className={`actor-node${selected ? ' is-selected' : ''}${data.isRoot ? ' is-root' : ''}`}>
      <Handle type="target" position={Position.Top} />
      <div className="actor-node-role">{data.role}</div>
      <div className="actor-node-kind">
        {data.isRoot ? 'root · ' : ''}
        {data.kind}
        {data.childCount ? ` · ${data.childCount} children` : ''}
      </div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  )
})
