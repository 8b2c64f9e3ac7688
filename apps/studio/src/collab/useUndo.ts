import type { UndoOutcome } from '@troupe/documents'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { useStudio } from '../app/StudioContext'
import { attempt } from '../canvas/graphEdits'
import { useCollab } from './CollabContext'

export interface UndoActions {
  canUndo: boolean
  canRedo: boolean
  undo(): void
  redo(): void
}

const never = () => () => {}

/**
 * Undo and redo of my own changes for buttons, shortcuts and the command palette. The result
 * is told in the canvas's status region: what was reverted, and how many parts stayed because
 * a collaborator changed them after me. A refused undo (it would break the project now) shows
 * its TRP-coded reason and stays on the stack.
 */
export function useUndo(): UndoActions {
  const { session } = useStudio()
  const { history } = useCollab()
  const subscribe = useMemo(() => (history ? history.subscribe.bind(history) : never), [history])
  const canUndo = useSyncExternalStore(subscribe, () => history?.canUndo ?? false)
  const canRedo = useSyncExternalStore(subscribe, () => history?.canRedo ?? false)

  const run = useCallback(
    (kind: 'undo' | 'redo') => {
      if (!history) return
      let outcome: UndoOutcome | null = null
      if (!attempt(session, () => (outcome = history[kind]()))) return
      session.getState().notify(describe(kind, outcome))
    },
    [history, session],
  )
  return {
    canUndo,
    canRedo,
    undo: useCallback(() => run('undo'), [run]),
    redo: useCallback(() => run('redo'), [run]),
  }
}

function describe(kind: 'undo' | 'redo', outcome: UndoOutcome | null): string {
  const verb = kind === 'undo' ? 'Undid' : 'Redid'
  if (!outcome) return kind === 'undo' ? 'Nothing to undo' : 'Nothing to redo'
  const kept = outcome.kept
    ? `; kept ${outcome.kept} part${outcome.kept === 1 ? '' : 's'} a collaborator changed since`
    : ''
  if (!outcome.changed) return `Nothing left to ${kind}: collaborators changed it since`
  return `${verb} your last change${kept}`
}
