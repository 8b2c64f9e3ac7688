import { joinPresence, type PresenceSession, trackUndo, type UndoHistory } from '@troupe/documents'
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useStore } from 'zustand'
import { useStudio } from '../app/StudioContext'
import type { XY } from '../session/store'
import { type Identity, myIdentity } from './identity'
import { createPresenceStore, type PresenceState, type PresenceStoreState } from './presenceStore'
import { throttle } from './throttle'

interface Collab {
  /** Undo and redo of this studio's own changes; null until it is attached to the project. */
  history: UndoHistory | null
  presence: ReturnType<typeof createPresenceStore>
  me: Identity
  /** Tells the others where my pointer is on the canvas (flow coordinates), throttled. */
  moveCursor(position: XY | null): void
}

/** Pointer positions go out at most this often (20 a second). */
const cursorIntervalMs = 50

const CollabContext = createContext<Collab | null>(null)

/**
 * Working together on one project: the undo history of my changes, and presence (who else is
 * here, their selection and cursor), joined while the studio shows the project and left when
 * it closes. Neither is written to the document; presence travels as ephemeral messages.
 */
export function CollabProvider({ children }: { children: ReactNode }) {
  const { project, session } = useStudio()
  const [presence] = useState(createPresenceStore)
  const [me] = useState(() => myIdentity())
  const [history, setHistory] = useState<UndoHistory | null>(null)
  const link = useRef<PresenceSession<PresenceState> | null>(null)

  useEffect(() => {
    const tracked = trackUndo(project)
    setHistory(tracked)
    return () => {
      tracked.dispose()
      setHistory(null)
    }
  }, [project])

  useEffect(() => {
    const joined = joinPresence<PresenceState>(project, {
      name: me.name,
      color: me.color,
      selection: [...session.getState().selectedActors],
      cursor: null,
    })
    link.current = joined
    const stopPeers = joined.subscribe(() => presence.getState().setPeers(joined.peers()))
    const stopSelection = session.subscribe((state, previous) => {
      if (state.selectedActors !== previous.selectedActors) {
        joined.update('selection', [...state.selectedActors])
      }
    })
    // Closing the tab says goodbye, so the others drop this person at once.
    const leave = () => joined.leave()
    window.addEventListener('pagehide', leave)
    return () => {
      window.removeEventListener('pagehide', leave)
      stopPeers()
      stopSelection()
      joined.leave()
      link.current = null
      presence.getState().setPeers([])
    }
  }, [project, session, presence, me])

  const moveCursor = useMemo(
    () =>
      throttle((position: XY | null) => link.current?.update('cursor', position), cursorIntervalMs),
    [],
  )
  const value = useMemo(
    () => ({ history, presence, me, moveCursor }),
    [history, presence, me, moveCursor],
  )
  return <CollabContext.Provider value={value}>{children}</CollabContext.Provider>
}

export function useCollab(): Collab {
  const collab = useContext(CollabContext)
  if (!collab) throw new Error('useCollab must be used inside <CollabProvider>')
  return collab
}

export function usePresence<T>(selector: (state: PresenceStoreState) => T): T {
  return useStore(useCollab().presence, selector)
}
