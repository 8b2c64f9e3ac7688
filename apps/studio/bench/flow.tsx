import {
  type Edge,
  type Node,
  ReactFlow,
  ReactFlowProvider,
  useEdgesState,
  useNodesState,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { createRoot } from 'react-dom/client'

/**
 * The baseline `pnpm bench studio` drags beside the studio's canvas: bare React Flow 12 as its
 * documentation sets it up (useNodesState / useEdgesState, default nodes and edges, fitView),
 * showing the same nodes and edges at the same canvas size. Production React build.
 */
export interface BareGraph {
  width: number
  height: number
  nodes: { id: string; label: string; x: number; y: number }[]
  edges: { id: string; source: string; target: string }[]
}

function BareFlow({ graph }: { graph: BareGraph }) {
  const [nodes, , onNodesChange] = useNodesState<Node>(
    graph.nodes.map((n) => ({ id: n.id, position: { x: n.x, y: n.y }, data: { label: n.label } })),
  )
  const [edges, , onEdgesChange] = useEdgesState<Edge>(graph.edges)
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      fitView
      fitViewOptions={{ maxZoom: 1 }}
      minZoom={0.05}
    />
  )
}

const host = document.getElementById('flow')
if (!host) throw new Error('The bench page has no #flow element')
const root = createRoot(host)

Object.assign(globalThis, {
  bareFlow: {
    show(graph: BareGraph) {
      host.style.width = `${graph.width}px`
      host.style.height = `${graph.height}px`
      root.render(
        <ReactFlowProvider>
          <BareFlow graph={graph} />
        </ReactFlowProvider>,
      )
    },
  },
})
