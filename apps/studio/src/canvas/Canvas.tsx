import { isLeaf } from '@troupe/core'
import { setActorPosition } from '@troupe/documents'
import {
  Background,
  Controls,
  type Edge,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react'
import { type DragEvent, useCallback, useMemo } from 'react'
import { useSession, useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { paletteDragType } from '../palette/actorKinds'
import { useAddActor } from '../palette/useAddActor'
import { type ActorFlowNode, ActorNode } from './ActorNode'

const nodeTypes = { actor: ActorNode }

/**
 * The canvas: one node per actor, parent-child links as edges. Node positions come from the
 * project document, overlaid by drags in progress (session state); a drag is written to the
 * document once, when it ends.
 */
export function Canvas() {
  const { project, session } = useStudio()
  const doc = useDocument(project)
  const selected = useSession((s) => s.selectedActorId)
  const dragging = useSession((s) => s.dragging)
  const flow = useReactFlow()
  const addActor = useAddActor()

  const nodes = useMemo<ActorFlowNode[]>(
    () =>
      Object.entries(doc.actors).map(([id, actor]) => ({
        id,
        type: 'actor',
        position: dragging[id] ?? actor.position,
        selected: id === selected,
        ariaLabel: `Actor ${actor.role}`,
        data: {
          role: actor.role,
          kind: isLeaf(actor.view) ? `leaf <${actor.view.tag}>` : 'composite',
          isRoot: id === doc.root,
          childCount: actor.children.length,
        },
      })),
    [doc, dragging, selected],
  )

  const edges = useMemo<Edge[]>(
    () =>
      Object.entries(doc.actors).flatMap(([id, actor]) =>
        actor.children.map((child, index) => ({
          id: `child:${id}:${child}`,
          source: id,
          target: child,
          label: actor.children.length > 1 ? String(index + 1) : undefined,
          className: 'edge-child',
        })),
      ),
    [doc],
  )

  const onNodesChange = useCallback(
    (changes: NodeChange<ActorFlowNode>[]) => {
      const state = session.getState()
      for (const change of changes) {
        if (change.type === 'position' && change.position && change.dragging) {
          state.dragTo(change.id, change.position)
        } else if (change.type === 'select' && change.selected) {
          state.select(change.id)
        }
      }
    },
    [session],
  )

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: ActorFlowNode, dragged: ActorFlowNode[]) => {
      const state = session.getState()
      for (const node of dragged) {
        const position = state.dragging[node.id] ?? node.position
        setActorPosition(project, node.id, { x: Math.round(position.x), y: Math.round(position.y) })
      }
      state.endDrag(dragged.map((n) => n.id))
    },
    [project, session],
  )

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(paletteDragType)) {
      event.preventDefault()
      event.dataTransfer.dropEffect = 'copy'
    }
  }, [])

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(paletteDragType)
      if (!kind) return
      event.preventDefault()
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })
      addActor(kind, { x: Math.round(position.x), y: Math.round(position.y) })
    },
    [flow, addActor],
  )

  return (
    <section className="studio-canvas" aria-label="Canvas">
      <ReactFlow<ActorFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={() => session.getState().select(null)}
        onDragOver={onDragOver}
        onDrop={onDrop}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls />
      </ReactFlow>
    </section>
  )
}
