import { useReactFlow, useStoreApi } from '@xyflow/react'
import { useMemo } from 'react'
import { useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { useCanvasActions } from '../canvas/useCanvasActions'
import { freeSpotInView } from '../canvas/viewport'
import { useUndo } from '../collab/useUndo'
import { useAddActor } from '../palette/useAddActor'
import {
  addCommands,
  type Command,
  type CommandSources,
  editCommands,
  goToCommands,
  historyCommands,
} from './commandList'

/** The studio's commands, bound to this studio instance. */
export function useCommands(): { edit: Command[]; all: Command[] } {
  const { project, session } = useStudio()
  const doc = useDocument(project)
  const actions = useCanvasActions()
  const addActor = useAddActor()
  const flowStore = useStoreApi()
  const flow = useReactFlow()
  const undo = useUndo()

  const sources = useMemo<CommandSources>(
    () => ({
      actions,
      addFromPalette: (kind) => addActor(kind, freeSpotInView(flowStore)),
      inspect: (id) => {
        session.getState().select(id)
        void flow.fitView({ nodes: [{ id }], maxZoom: 1, duration: 200 })
      },
      openPalette: () => session.getState().setCommandPaletteOpen(true),
    }),
    [actions, addActor, flowStore, flow, session],
  )
  const { undo: undoLast, redo } = undo
  const history = useMemo(() => historyCommands({ undo: undoLast, redo }), [undoLast, redo])
  const edit = useMemo(
    () => [...editCommands(sources), ...history, ...addCommands(sources)],
    [sources, history],
  )
  // "Go to" follows the actors, so it is rebuilt when they change, the rest is not.
  const all = useMemo(() => [...edit, ...goToCommands(doc, sources)], [edit, doc, sources])
  return { edit, all }
}
