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

/** A message for the person, shown in the canvas's status region (refusals carry TRP codes). */
export interface Notice {
  text: string
  tone: 'error' | 'info'
  /** Increases with every notice, so the same text twice is still announced twice. */
  seq: number
}

export interface SessionState {
  /** The actor the inspector and the view editor show: the last one selected. */
  selectedActorId: string | null
  /** Every selected actor id (multi-select), in selection order. */
  selectedActors: readonly string[]
  /** Selected edge ids (`sub:from>to` / `child:parent>child`). */
  selectedEdges: readonly string[]
  /** Positions of nodes being dragged right now, by actor id. */
  dragging: Record<string, XY>
  notice: Notice | null
  /** The canvas search text: matches roles and message types. */
  search: string
  commandPaletteOpen: boolean
  /** The last copied selection, for when the system clipboard cannot be read. */
  clipboard: string | null
  select(actorId: string | null): void
  setSelection(actors: readonly string[], edges: readonly string[]): void
  setSelectedActors(actors: readonly string[]): void
  setSelectedEdges(edges: readonly string[]): void
  /** Shows this selected actor in the inspector without changing the selection. */
  inspect(actorId: string): void
  dragTo(actorId: string, position: XY): void
  endDrag(actorIds: string[]): void
  notify(text: string, tone?: Notice['tone']): void
  setSearch(text: string): void
  setCommandPaletteOpen(open: boolean): void
  setClipboard(text: string): void
  /** Time travel: the preview shows the app as it was after this message (null: live). */
  travelIndex: number | null
  setTravelIndex(index: number | null): void
  /** A request to show an actor and a JSON path in its editor (lint findings link here). */
  focusRequest: FocusRequest | null
  focusPath(actorId: string, path: readonly (string | number)[]): void
}

export interface FocusRequest {
  actorId: string
  path: readonly (string | number)[]
  seq: number
}

export function createSessionStore(initialSelection: string | null = null) {
  return createStore<SessionState>()((set) => ({
    selectedActorId: initialSelection,
    selectedActors: initialSelection ? [initialSelection] : [],
    selectedEdges: [],
    dragging: {},
    notice: null,
    search: '',
    commandPaletteOpen: false,
    clipboard: null,
    select: (actorId) =>
      set({
        selectedActorId: actorId,
        selectedActors: actorId ? [actorId] : [],
        selectedEdges: [],
      }),
    setSelection: (actors, edges) =>
      set((s) => ({
        selectedActors: actors,
        selectedEdges: edges,
        selectedActorId: inspected(s.selectedActorId, actors),
      })),
    setSelectedActors: (actors) =>
      set((s) => ({
        selectedActors: actors,
        selectedActorId: inspected(s.selectedActorId, actors),
      })),
    setSelectedEdges: (edges) => set({ selectedEdges: edges }),
    inspect: (actorId) => set({ selectedActorId: actorId }),
    dragTo: (actorId, position) =>
      set((s) => ({ dragging: { ...s.dragging, [actorId]: position } })),
    endDrag: (actorIds) =>
      set((s) => {
        const dragging = { ...s.dragging }
        for (const id of actorIds) delete dragging[id]
        return { dragging }
      }),
    notify: (text, tone = 'info') =>
      set((s) => ({ notice: { text, tone, seq: (s.notice?.seq ?? 0) + 1 } })),
    setSearch: (search) => set({ search }),
    setCommandPaletteOpen: (commandPaletteOpen) => set({ commandPaletteOpen }),
    setClipboard: (clipboard) => set({ clipboard }),
    travelIndex: null,
    setTravelIndex: (travelIndex) => set({ travelIndex }),
    focusRequest: null,
    focusPath: (actorId, path) =>
      set((s) => ({
        selectedActorId: actorId,
        selectedActors: [actorId],
        selectedEdges: [],
        focusRequest: { actorId, path, seq: (s.focusRequest?.seq ?? 0) + 1 },
      })),
  }))
}

/** Keeps the inspected actor while it stays selected; else the newest selected one. */
function inspected(current: string | null, actors: readonly string[]): string | null {
  return current && actors.includes(current) ? current : (actors[actors.length - 1] ?? null)
}

export type SessionStore = ReturnType<typeof createSessionStore>
