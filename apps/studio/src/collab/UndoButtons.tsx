import type { UndoActions } from './useUndo'

/** The Undo and Redo buttons; each is disabled when there is nothing to undo or redo. */
export function UndoButtons({ actions }: { actions: UndoActions }) {
  return (
    <span className="studio-undo">
      <button
        type="button"
        disabled={!actions.canUndo}
        onClick={actions.undo}
        title="Undo your last change (Ctrl+Z / Cmd+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!actions.canRedo}
        onClick={actions.redo}
        title="Redo (Ctrl+Shift+Z / Cmd+Shift+Z, Ctrl+Y)"
      >
        Redo
      </button>
    </span>
  )
}
