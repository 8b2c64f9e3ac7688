import type { DocHandle, DocHandleEphemeralMessagePayload } from '@automerge/automerge-repo'

/**
 * Who else has a document open, and what they point at, sent with automerge-repo's ephemeral
 * messages (DocHandle.broadcast, received as 'ephemeral-message'): the sync server forwards
 * them to the other peers on the document under its access policy, and nothing of it is ever
 * written to a document or to storage.
 *
 * Every message carries the sender's whole state (a few fields), so anyone who missed one
 * catches up with the next; an idle peer repeats it every `heartbeatMs`. A peer heard from for
 * the first time is answered at once with my state, so both sides know each other without
 * waiting a heartbeat. A peer that sends nothing for `peerTtlMs` (closed laptop, dropped
 * connection) is forgotten; one that leaves says goodbye and is forgotten at once.
 *
 * (automerge-repo's own Presence class sends state only on change and bare heartbeats
 * otherwise, so a peer whose first snapshot was sent before the connection carried the
 * document stayed nameless until it changed something.)
 */
export interface PresencePeer {
  peerId: string
  /** As the peer sent it: check it before use, it comes from someone else. */
  state: unknown
}

export interface PresenceSession<State extends Record<string, unknown>> {
  /** Sets one field of my state and sends my state to everyone on the document. */
  update<Key extends keyof State & string>(key: Key, value: State[Key]): void
  /** Everyone else on the document now (never me), in the order they were first heard. */
  peers(): PresencePeer[]
  /** Called whenever someone's state arrives, or someone joins, leaves or goes quiet. */
  subscribe(listener: () => void): () => void
  /** Says goodbye and stops. */
  leave(): void
}

export interface PresenceOptions {
  /** How often an idle peer repeats its state (default 2 s). */
  heartbeatMs?: number
  /** Forget a peer heard nothing from for this long (default three heartbeats). */
  peerTtlMs?: number
}

const marker = 'troupePresence'

type PresenceMessage = { [marker]: 'state'; state: unknown } | { [marker]: 'bye' }

export function joinPresence<State extends Record<string, unknown>>(
  handle: DocHandle<unknown>,
  initial: State,
  options: PresenceOptions = {},
): PresenceSession<State> {
  const heartbeatMs = options.heartbeatMs ?? 2000
  const ttl = options.peerTtlMs ?? heartbeatMs * 3
  let state: State = { ...initial }
  const peers = new Map<string, { state: unknown; heardAt: number }>()
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const listener of listeners) listener()
  }

  const send = (message: PresenceMessage) => {
    try {
      handle.broadcast(message)
    } catch {
      // A socket that is closing throws; presence is best effort and the next heartbeat
      // carries the whole state again.
    }
  }
  const sendState = () => {
    send({ [marker]: 'state', state })
    clearInterval(heartbeat)
    heartbeat = setInterval(sendState, heartbeatMs)
  }

  const onMessage = ({ senderId, message }: DocHandleEphemeralMessagePayload<unknown>) => {
    if (typeof message !== 'object' || message === null || !(marker in message)) return
    const kind = (message as Record<string, unknown>)[marker]
    if (kind === 'bye') {
      if (peers.delete(senderId)) changed()
      return
    }
    if (kind !== 'state') return
    const isNew = !peers.has(senderId)
    peers.set(senderId, { state: (message as Record<string, unknown>).state, heardAt: Date.now() })
    if (isNew) sendState()
    changed()
  }

  const prune = setInterval(() => {
    const now = Date.now()
    let gone = false
    for (const [peerId, peer] of peers) {
      if (now - peer.heardAt > ttl) {
        peers.delete(peerId)
        gone = true
      }
    }
    if (gone) changed()
  }, heartbeatMs)

  let heartbeat: ReturnType<typeof setInterval> | undefined
  handle.on('ephemeral-message', onMessage)
  sendState()

  return {
    update(key, value) {
      state = { ...state, [key]: value }
      sendState()
    },
    peers: () => [...peers].map(([peerId, peer]) => ({ peerId, state: peer.state })),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    leave() {
      clearInterval(heartbeat)
      clearInterval(prune)
      handle.off('ephemeral-message', onMessage)
      send({ [marker]: 'bye' })
      peers.clear()
      listeners.clear()
    },
  }
}
