import type { ProjectDoc } from '@troupe/documents'
import type { CanvasActions } from '../canvas/useCanvasActions'
import type { UndoActions } from '../collab/useUndo'
import { actorKinds } from '../palette/actorKinds'
import { actorTemplates } from '../palette/templates'
import { type Shortcut, shortcut } from './keys'

export interface Command {
  id: string
  title: string
  /** Shown beside the title and searched too. */
  group: 'Edit' | 'View' | 'Add' | 'Go to'
  shortcut?: Shortcut
  /**
   * True for shortcuts the browser delivers as clipboard events (copy, paste): the key only
   * shows here, the studio listens for the event instead.
   */
  clipboardEvent?: boolean
  /**
   * 'canvas': the shortcut acts only while focus is on the canvas (or nowhere in particular),
   * so Backspace on a focused inspector button never deletes the selected actor.
   */
  scope?: 'canvas'
  run(): void
}

export interface CommandSources {
  actions: CanvasActions
  addFromPalette(kind: string): void
  inspect(actorId: string): void
  openPalette(): void
}

/**
 * Every studio command, with its shortcut. The command palette lists them all and the
 * shortcut handler runs them, so there is one definition of what each key does.
 */
export function editCommands({ actions, openPalette }: CommandSources): Command[] {
  return [
    {
      id: 'palette',
      title: 'Open command palette',
      group: 'View',
      shortcut: shortcut({ mod: true, key: 'k' }),
      run: openPalette,
    },
    {
      id: 'copy',
      title: 'Copy selected actors',
      group: 'Edit',
      shortcut: shortcut({ mod: true, key: 'c' }),
      clipboardEvent: true,
      run: () => void actions.copy(),
    },
    {
      id: 'paste',
      title: 'Paste actors',
      group: 'Edit',
      shortcut: shortcut({ mod: true, key: 'v' }),
      clipboardEvent: true,
      run: () => void actions.paste(),
    },
    {
      id: 'duplicate',
      scope: 'canvas',
      title: 'Duplicate selected actors',
      group: 'Edit',
      shortcut: shortcut({ mod: true, key: 'd' }),
      run: actions.duplicate,
    },
    {
      id: 'delete',
      scope: 'canvas',
      title: 'Delete selection',
      group: 'Edit',
      shortcut: shortcut({ key: 'Delete' }),
      run: actions.deleteSelection,
    },
    {
      id: 'delete-backspace',
      scope: 'canvas',
      title: 'Delete selection (Backspace)',
      group: 'Edit',
      shortcut: shortcut({ key: 'Backspace' }),
      run: actions.deleteSelection,
    },
    {
      id: 'select-all',
      scope: 'canvas',
      title: 'Select all actors',
      group: 'Edit',
      shortcut: shortcut({ mod: true, key: 'a' }),
      run: actions.selectAll,
    },
    {
      id: 'clear-selection',
      scope: 'canvas',
      title: 'Clear selection',
      group: 'Edit',
      shortcut: shortcut({ key: 'Escape', label: 'Esc' }),
      run: actions.clearSelection,
    },
    {
      id: 'auto-layout',
      title: 'Auto-layout the canvas',
      group: 'View',
      shortcut: shortcut({ mod: true, shift: true, key: 'l' }),
      run: () => void actions.autoLayout(),
    },
    {
      id: 'fit-view',
      title: 'Fit view',
      group: 'View',
      shortcut: shortcut({ shift: true, key: '!', label: '1' }),
      run: actions.fitView,
    },
    {
      id: 'zoom-in',
      title: 'Zoom in',
      group: 'View',
      shortcut: shortcut({ key: '+' }),
      run: actions.zoomIn,
    },
    {
      id: 'zoom-out',
      title: 'Zoom out',
      group: 'View',
      shortcut: shortcut({ key: '-' }),
      run: actions.zoomOut,
    },
    {
      id: 'search',
      title: 'Search actors by role or message type',
      group: 'View',
      shortcut: shortcut({ mod: true, key: 'f' }),
      run: actions.focusSearch,
    },
  ]
}

/**
 * Undo and redo of my own changes. Their keys act anywhere but where the person is typing:
 * inside Monaco and text fields, Ctrl+Z is that editor's own text undo (its result is
 * committed like any edit), so the studio never takes a keystroke from a draft.
 */
export function historyCommands(undo: Pick<UndoActions, 'undo' | 'redo'>): Command[] {
  return [
    {
      id: 'undo',
      title: 'Undo my last change',
      group: 'Edit',
      shortcut: shortcut({ mod: true, shift: false, key: 'z' }),
      run: undo.undo,
    },
    {
      id: 'redo',
      title: 'Redo',
      group: 'Edit',
      shortcut: shortcut({ mod: true, shift: true, key: 'z' }),
      run: undo.redo,
    },
    {
      id: 'redo-y',
      title: 'Redo (Ctrl+Y)',
      group: 'Edit',
      shortcut: shortcut({ mod: true, key: 'y' }),
      run: undo.redo,
    },
  ]
}

/** One "Add …" command per palette kind and template. */
export function addCommands({ addFromPalette }: CommandSources): Command[] {
  return [...actorKinds, ...actorTemplates].map((kind) => ({
    id: `add:${kind.kind}`,
    title: `Add ${kind.label}`,
    group: 'Add' as const,
    run: () => addFromPalette(kind.kind),
  }))
}

/** One "Go to …" command per actor: selects it, shows it and opens it in the inspector. */
export function goToCommands(doc: ProjectDoc, { inspect }: CommandSources): Command[] {
  return Object.entries(doc.actors).map(([id, actor]) => ({
    id: `go:${id}`,
    title: `Go to ${actor.role} (${id})`,
    group: 'Go to' as const,
    run: () => inspect(id),
  }))
}

/** Commands whose title or group contains every word of the query, in list order. */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return [...commands]
  return commands.filter((c) => {
    const text = `${c.group} ${c.title} ${c.shortcut?.label ?? ''}`.toLowerCase()
    return words.every((w) => text.includes(w))
  })
}
