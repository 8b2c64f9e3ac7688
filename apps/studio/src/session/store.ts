import { createStore } from 'zustand/vanilla'

/**
 * Session state: this person's selection and work in progress. It lives in one store per
 * studio instance (never a module singleton, so two studios on a page stay apart) and is
 * never written to a document: positions reach the document only when a drag ends.
 */
export interface XY {
  x: number
  y: number
}

export interface SessionState {
  selectedActorId: string | null
  /** Positions of nodes being dragged right now, by actor id. */
  dragging: Record<string, XY>
  select(actorId: string | null): void
  dragTo(actorId: string, position: XY): void
  endDrag(actorIds: string[]): void
}

export function createSessionStore(initialSelection: string | null = null) {
  return createStore<SessionState>()((set) => ({
    selectedActorId: initialSelection,
    dragging: {},
    select: (actorId) => set({ selectedActorId: actorId }),
    dragTo: (actorId, position) =>
      set((s) => ({ dragging: { ...s.dragging, [actorId]: position } })),
    endDrag: (actorIds) =>
      set((s) => {
        const dragging = { ...s.dragging }
        for (const id of actorIds) delete dragging[id]
        return { dragging }
      }),
  }))
}

export type SessionStore = ReturnType<typeof createSessionStore>
