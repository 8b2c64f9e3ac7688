import type { PresencePeer } from '@troupe/documents'
import { createStore } from 'zustand/vanilla'
import type { XY } from '../session/store'
import { isName, presenceColors } from './identity'

/**
 * Who else is on this project and what they point at. Its own store: presence is neither in
 * the document nor in this person's session state; it is rebuilt from ephemeral messages.
 */
export interface Collaborator {
  peerId: string
  name: string
  color: string
  /** Actor ids they have selected. */
  selection: readonly string[]
  /** Their pointer on the canvas, in flow coordinates; null when it is off the canvas. */
  cursor: XY | null
}

/** What this studio sends about itself. */
export interface PresenceState extends Record<string, unknown> {
  name: string
  color: string
  selection: string[]
  cursor: XY | null
}

export interface PresenceStoreState {
  collaborators: readonly Collaborator[]
  setPeers(peers: readonly PresencePeer[]): void
}

export function createPresenceStore() {
  return createStore<PresenceStoreState>()((set) => ({
    collaborators: [],
    setPeers: (peers) =>
      set({ collaborators: peers.flatMap((peer) => collaboratorOf(peer) ?? []) }),
  }))
}

export type PresenceStore = ReturnType<typeof createPresenceStore>

/**
 * A peer's state as others sent it, checked field by field: a message from another browser
 * can hold anything, and only well-formed parts are shown. A peer without a name yet (its
 * first message has not arrived) is left out.
 */
export function collaboratorOf({ peerId, state }: PresencePeer): Collaborator | null {
  if (typeof state !== 'object' || state === null) return null
  const s = state as Record<string, unknown>
  if (!isName(s.name)) return null
  const color =
    typeof s.color === 'string' && presenceColors.includes(s.color) ? s.color : '#495057'
  const selection = Array.isArray(s.selection)
    ? s.selection.filter((id): id is string => typeof id === 'string').slice(0, 1000)
    : []
  const c = s.cursor as Record<string, unknown> | null | undefined
  const cursor =
    c && Number.isFinite(c.x) && Number.isFinite(c.y)
      ? { x: c.x as number, y: c.y as number }
      : null
  return { peerId, name: s.name, color, selection, cursor }
}
