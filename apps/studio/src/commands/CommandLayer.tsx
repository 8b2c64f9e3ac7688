import { useCanvasActions } from '../canvas/useCanvasActions'
import { CommandPalette } from './CommandPalette'
import { useCommands } from './useCommands'
import { useShortcuts } from './useShortcuts'

/** Keyboard shortcuts and the command palette for one studio instance. */
export function CommandLayer() {
  const { edit, all } = useCommands()
  const actions = useCanvasActions()
  useShortcuts(edit, actions)
  return <CommandPalette commands={all} />
}
