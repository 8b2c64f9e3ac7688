import { type ProjectDoc, setActorPositions } from '@troupe/documents'
import {
  Background,
  type Connection,
  ConnectionLineType,
  Controls,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react'
import { type DragEvent, useCallback, useMemo, useRef } from 'react'
import { useSession, useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { useCollab, usePresence } from '../collab/CollabContext'
import { RemoteCursors } from '../collab/RemoteCursors'
import { paletteDragType } from '../palette/actorKinds'
import { useAddActor } from '../palette/useAddActor'
import type { XY } from '../session/store'
import { ActorNode } from './ActorNode'
import { CanvasMinimap } from './CanvasMinimap'
import { CanvasNotice } from './CanvasNotice'
import { CanvasToolbar } from './CanvasToolbar'
import { canMoveDirectly, DirectDragFrames } from './directDragFrames'
import { FarEdges } from './FarEdges'
import {
  type ActorFlowNode,
  FlowEdgeBuilder,
  FlowNodeBuilder,
  type LinkFlowEdge,
} from './flowElements'
import { connect, connectionKind, reconnect } from './graphEdits'
import { edgeTypes } from './LinkEdges'
import { movingKey } from './movingNodes'
import { FarCanvas } from './NodeHandle'
import { searchActors } from './search'
import { useCanvasActions } from './useCanvasActions'
import { useFittedOnce } from './useFittedOnce'
import { useViewportLayer } from './useViewportLayer'
import './canvasSpeed.css'

// Props React Flow gets are module constants or memoised callbacks: a new object or function
// on every render (a drag renders the canvas once per frame) re-renders every node wrapper.
const nodeTypes = { actor: ActorNode }
const fitViewOptions = { maxZoom: 1 }
const proOptions = { hideAttribution: true }
const multiSelectionKeyCode = ['Shift', 'Meta', 'Control']
/** Below this zoom the canvas paints nodes and edges without their small print (canvasSpeed.css). */
export const farZoom = 0.35
const isValidConnection: IsValidConnection<LinkFlowEdge> = (c) =>
  connectionKind({ sourceHandle: c.sourceHandle ?? null, targetHandle: c.targetHandle ?? null }) !==
  null

/**
 * The canvas: one node per actor, subscriptions and parent-child links as two kinds of edge.
 * Everything shown is derived from the project document and this person's session (selection,
 * drags in progress, search); gestures become validated document edits. Positions reach the
 * document once per drag, when it ends.
 */
export function Canvas() {
  const { project, session } = useStudio()
  const doc = useDocument(project)
  const selectedActors = useSession((s) => s.selectedActors)
  const selectedEdges = useSession((s) => s.selectedEdges)
  // Which actors are being dragged, not where: a drag frame does not render the canvas (its
  // positions go to React Flow's store directly, onNodesChange), only its start and end do.
  const moving = useSession((s) => movingKey(s.dragging))
  const search = useSession((s) => s.search)
  const flow = useReactFlow<ActorFlowNode, LinkFlowEdge>()
  const addActor = useAddActor()
  const actions = useCanvasActions()
  const { moveCursor } = useCollab()
  // Selectors returning booleans: the canvas re-renders when one flips, not on every frame.
  const isFar = useStore((s) => s.transform[2] < farZoom)
  // Until React Flow first fits the view to the nodes the zoom is 1, whatever it will be:
  // drawn as if far until then, a large project's edges are not all built only to be
  // replaced by the far edge layer a frame later.
  const fitted = useFittedOnce()
  const farOrFitting = isFar || !fitted
  // The cursors layer looks up its portal on every store change: mount it only when needed.
  const othersHere = usePresence((s) => s.collaborators.length > 0)
  const flowHost = useRef<HTMLDivElement>(null)
  useViewportLayer(flowHost)

  const nodeBuilder = useRef(new FlowNodeBuilder()).current
  const edgeBuilder = useRef(new FlowEdgeBuilder()).current
  const directFrames = useRef(new DirectDragFrames(() => flowHost.current)).current
  const selectedNodeSet = useMemo(() => new Set(selectedActors), [selectedActors])
  const selectedEdgeSet = useMemo(() => new Set(selectedEdges), [selectedEdges])
  const matches = useMemo(
    () => (search.trim() ? new Set(searchActors(doc.actors, search)) : null),
    [doc.actors, search],
  )
  // `moving` is a dependency though not read: a drag's start and end rebuild the nodes (raised,
  // then dropped), with the drag's positions read from the session.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the drag's positions come from the session
  const nodes = useMemo(
    () => nodeBuilder.build(doc, selectedNodeSet, session.getState().dragging, matches),
    [nodeBuilder, doc, selectedNodeSet, moving, matches, session],
  )
  const flowStore = useStoreApi<ActorFlowNode, LinkFlowEdge>()
  const edges = useMemo(
    () => edgeBuilder.build(doc, selectedEdgeSet),
    [edgeBuilder, doc, selectedEdgeSet],
  )
  // Zoomed far out, React Flow draws only the selected edges; the far edge layer the rest.
  const [flowEdges, farEdges] = useMemo(
    () =>
      farOrFitting
        ? [edges.filter((e) => e.selected), edges.filter((e) => !e.selected)]
        : [edges, []],
    [farOrFitting, edges],
  )
  const onNodesChange = useCallback(
    (changes: NodeChange<ActorFlowNode>[]) => {
      const state = session.getState()
      let selection: string[] | null = null
      const dropped: Record<string, XY> = {}
      let moved = false
      for (const change of changes) {
        if (change.type === 'select') {
          selection ??= [...state.selectedActors]
          selection = selection.filter((id) => id !== change.id)
          if (change.selected) selection.push(change.id)
        } else if (change.type === 'position' && change.position) {
          if (change.dragging) {
            state.dragTo(change.id, change.position)
            moved = true
          } else
            dropped[change.id] = {
              x: Math.round(change.position.x),
              y: Math.round(change.position.y),
            }
        } else if (change.type === 'dimensions' && change.dimensions) {
          nodeBuilder.measured(change.id, change.dimensions)
        }
      }
      if (selection) state.setSelectedActors(selection)
      if (moved && !selection) {
        // A drag frame. Far out, the dragged nodes' elements move and nothing else
        // (directDragFrames.ts). Otherwise they go to React Flow's store at once, without a
        // render of the canvas (with 1,000 actors that render and React Flow's own were a
        // third of a frame's script). A render that happens anyway builds the same nodes.
        const { dragging } = session.getState()
        const flow = flowStore.getState()
        const drawing = {
          far: flow.transform[2] < farZoom,
          edges: flow.edges,
          selectionBox: flow.nodesSelectionActive,
        }
        if (
          !(canMoveDirectly(drawing, new Set(Object.keys(dragging))) && directFrames.show(dragging))
        ) {
          const nodes = nodeBuilder.dragFrame(dragging)
          if (nodes) flow.setNodes(nodes)
        }
      }
      // A drag's end (or an arrow-key move) arrives as one batch: one change in the document.
      const ids = Object.keys(dropped)
      if (ids.length) {
        try {
          setActorPositions(project, dropped)
        } finally {
          state.endDrag(ids)
          directFrames.end(placesOf(project.doc(), ids))
        }
      }
    },
    [project, session, nodeBuilder, flowStore, directFrames],
  )

  const onEdgesChange = useCallback(
    (changes: EdgeChange<LinkFlowEdge>[]) => {
      const state = session.getState()
      let selection: string[] | null = null
      for (const change of changes) {
        if (change.type !== 'select') continue
        selection ??= [...state.selectedEdges]
        selection = selection.filter((id) => id !== change.id)
        if (change.selected) selection.push(change.id)
      }
      if (selection) state.setSelectedEdges(selection)
    },
    [session],
  )

  const onConnect = useCallback(
    (connection: Connection) => connect(project, session, connection),
    [project, session],
  )
  const onReconnect = useCallback(
    (old: LinkFlowEdge, connection: Connection) => {
      if (old.data) reconnect(project, session, old.data, connection)
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

  // Clicking a node inside a multi-selection keeps the selection (to drag it as a group) but
  // shows the clicked actor in the inspector.
  const onNodeClick = useCallback(
    (_event: unknown, clicked: ActorFlowNode) => session.getState().inspect(clicked.id),
    [session],
  )

  const show = useCallback(
    (ids: string[]) =>
      void flow.fitView({ nodes: ids.map((id) => ({ id })), maxZoom: 1, duration: 200 }),
    [flow],
  )

  return (
    <section className="studio-canvas" aria-label="Canvas">
      <CanvasToolbar actions={actions} onShow={show} />
      <div
        ref={flowHost}
        // Far out until the first fit too, as the nodes are drawn (FarCanvas): a project that
        // opens far out then never restyles every node when the fit lands (with 1,000 actors,
        // a second style pass over some 6,000 elements before the canvas was ready).
        className={farOrFitting ? 'canvas-flow is-far' : 'canvas-flow'}
        // Where my pointer is, for the others' canvases (presence, never stored).
        onPointerMove={(event) =>
          moveCursor(rounded(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })))
        }
        onPointerLeave={() => moveCursor(null)}
      >
        <FarCanvas.Provider value={farOrFitting}>
          <ReactFlow<ActorFlowNode, LinkFlowEdge>
            nodes={nodes}
            edges={flowEdges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeClick={onNodeClick}
            onConnect={onConnect}
            onReconnect={onReconnect}
            // Only a selected edge shows the two grips that reconnect it (flowElements.ts).
            edgesReconnectable={false}
            isValidConnection={isValidConnection}
            connectionLineType={ConnectionLineType.Bezier}
            onDragOver={onDragOver}
            onDrop={onDrop}
            // Deleting, copying and the rest go through the studio's own shortcuts, so a key
            // does the same as its button and command.
            deleteKeyCode={null}
            multiSelectionKeyCode={multiSelectionKeyCode}
            fitView
            fitViewOptions={fitViewOptions}
            minZoom={0.05}
            // Zoomed in, only what is in view is mounted. Zoomed far out nearly all of it is in
            // view anyway, and a pan mounting and unmounting the nodes and edges that cross the
            // view's edge made its slowest frames (layout, paint and re-layering of what came
            // and went): far out, all stay mounted.
            onlyRenderVisibleElements={!farOrFitting}
            // Dragged nodes are raised instead (flowElements.ts): raising the selected one
            // restacked, and repainted, the whole canvas on every click.
            elevateNodesOnSelect={false}
            proOptions={proOptions}
          >
            <Background />
            {farOrFitting && <FarEdges edges={farEdges} moving={moving} />}
            <CanvasMinimap ariaLabel="Minimap" moving={moving} />
            <Controls aria-label="Zoom controls" />
            {othersHere && <RemoteCursors />}
          </ReactFlow>
        </FarCanvas.Provider>
      </div>
      <CanvasNotice />
    </section>
  )
}

const rounded = (p: XY): XY => ({ x: Math.round(p.x), y: Math.round(p.y) })

/** Where the document has these actors (those it still holds). */
function placesOf(doc: ProjectDoc, ids: readonly string[]): Record<string, XY> {
  const places: Record<string, XY> = {}
  for (const id of ids) {
    const actor = doc.actors[id]
    if (actor) places[id] = actor.position
  }
  return places
}
