import { next as A } from '@automerge/automerge'
import {
  cbor,
  type DocumentId,
  type Message,
  NetworkAdapter,
  type PeerId,
  type PeerMetadata,
} from '@automerge/automerge-repo'
import { chunkProblem } from './chunks'
import { closeCodes, defaultSyncLimits, type Refusal, type SyncGate, type SyncLimits } from './gate'

/** The parts of a `ws` WebSocket the adapter uses (typed here so documents needs no `ws`). */
export interface SyncSocket {
  readonly readyState: number
  on(event: 'message', listener: (data: Uint8Array, isBinary: boolean) => void): unknown
  on(event: 'close' | 'pong', listener: () => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  send(data: Uint8Array): void
  close(code?: number, reason?: string): void
  terminate(): void
  ping(): void
}

export interface GuardedSocketAdapterOptions {
  limits?: Partial<SyncLimits>
  /** Told about every refused message or closed connection (the server logs them). */
  onRefused?: (connectionId: string, refusal: Refusal) => void
  /** Told when a sync reply was held back because storage failed: it is never sent. */
  onStorageError?: (documentId: string, error: unknown) => void
  /** Bytes on disk of a document (for the document size limit). */
  documentBytes?: (documentId: string) => number
  /** How often to ping clients (default 5 s). */
  keepAliveMs?: number
  /**
   * Pings in a row a client may leave unanswered before it is dropped (default 3). A client
   * that is merely slow for one interval (a busy tab, a stalled process) stays connected;
   * dropping it made it reconnect and its writes wait for the reconnect.
   */
  keepAliveMisses?: number
}

interface Connection {
  id: string
  socket: SyncSocket
  gate: SyncGate
  peerId?: PeerId
  /** Pings sent since the last pong. */
  unanswered: number
  tokens: number
  refilledAt: number
  /** Outgoing messages wait here, in order, behind the disk writes they acknowledge. */
  tail: Promise<void>
  pending: number
}

const OPEN = 1
const PROTOCOL = '1'
/** How long the documents a disconnected peer had open are remembered for its reconnect. */
const REMEMBER_OPEN_MS = 10 * 60_000

/**
 * The sync server's network adapter, speaking the automerge-repo websocket protocol (join,
 * peer, then repo messages as CBOR) with what the stock WebSocketServerAdapter lacks:
 * - each connection carries a SyncGate from the access policy; every request, sync,
 *   ephemeral and doc-unavailable message is checked against it by document id. A document
 *   the connection may not read is answered "unavailable" and never reaches the repo; a sync
 *   message carrying changes to a document it may not write closes the connection;
 * - a peer id belongs to the connection that joined with it: messages with another sender
 *   close the connection, and a peer id held by another principal is not handed over;
 * - limits: frame size, document size, messages per second; garbage closes the connection;
 * - durability: a sync message (which tells the client our heads, i.e. acknowledges its
 *   changes) leaves only after `beforeSync(documentId)` resolved, i.e. after the document
 *   was written to disk. Messages to one client keep their order.
 */
export class GuardedSocketAdapter extends NetworkAdapter {
  /** Set by the server once the repo exists: writes the document before a sync reply goes out. */
  beforeSync?: (documentId: DocumentId) => Promise<void>
  readonly limits: SyncLimits
  readonly #byPeer = new Map<PeerId, Connection>()
  readonly #connections = new Set<Connection>()
  readonly #opened = new Map<PeerId, { documents: Set<DocumentId>; forget?: NodeJS.Timeout }>()
  readonly #options: GuardedSocketAdapterOptions
  #keepAlive?: ReturnType<typeof setInterval>

  constructor(options: GuardedSocketAdapterOptions = {}) {
    super()
    this.#options = options
    this.limits = { ...defaultSyncLimits, ...options.limits }
  }

  isReady(): boolean {
    return true
  }

  whenReady(): Promise<void> {
    return Promise.resolve()
  }

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId
    this.peerMetadata = peerMetadata ?? {}
    this.#keepAlive = setInterval(() => this.#ping(), this.#options.keepAliveMs ?? 5000)
    this.#keepAlive.unref()
  }

  disconnect(): void {
    clearInterval(this.#keepAlive)
    for (const connection of this.#connections) connection.socket.terminate()
  }

  /** Whether the connection holding this peer id may read the document (the repo's access check). */
  mayRead(peerId: PeerId, documentId: DocumentId): boolean {
    return this.#byPeer.get(peerId)?.gate.canRead(documentId) ?? false
  }

  /**
   * Whether this peer synced the document before (on this or an earlier connection) and may
   * still read it: the repo's announce policy. The server never offers documents, but after
   * a reconnect it must begin syncing again what the peer had open: automerge-repo resets a
   * peer's sync state only when it begins a sync, and a state kept from the dead connection
   * still counts the changes sent into it as delivered, so the server never sent them again
   * and the peer stayed behind for good (the chaos fuzz over websockets found it).
   */
  hadOpen(peerId: PeerId, documentId: DocumentId): boolean {
    return (
      (this.#opened.get(peerId)?.documents.has(documentId) ?? false) &&
      this.mayRead(peerId, documentId)
    )
  }

  /** Number of open sync connections. */
  get connectionCount(): number {
    return this.#connections.size
  }

  /** Takes a websocket the server authenticated; `gate` says what it may read and write. */
  accept(socket: SyncSocket, gate: SyncGate, connectionId: string): void {
    const connection: Connection = {
      id: connectionId,
      socket,
      gate,
      unanswered: 0,
      tokens: this.limits.messageBurst,
      refilledAt: Date.now(),
      tail: Promise.resolve(),
      pending: 0,
    }
    this.#connections.add(connection)
    socket.on('message', (data, isBinary) => this.#receive(connection, data, isBinary))
    socket.on('pong', () => {
      connection.unanswered = 0
    })
    // ws reports oversized frames and protocol errors here and then closes the socket; an
    // unhandled 'error' event would take the whole server down.
    socket.on('error', (error) => {
      if ((error as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH')
        this.#refused(connection, { code: 'TRP-604', reason: 'message too large', bytes: -1 })
      else
        this.#refused(connection, {
          code: 'TRP-608',
          reason: 'malformed message',
          detail: error.message,
        })
    })
    socket.on('close', () => this.#drop(connection))
  }

  send(message: Message): void {
    const connection = this.#byPeer.get(message.targetId)
    if (!connection || connection.socket.readyState !== OPEN) return
    // Defence in depth: the repo should never address a document the connection may not read.
    if (message.documentId && !connection.gate.canRead(message.documentId)) return
    const bytes = cbor.encode(message)
    const barrier =
      message.type === 'sync' && message.documentId && this.beforeSync
        ? this.beforeSync(message.documentId)
        : undefined
    if (!barrier && connection.pending === 0) {
      connection.socket.send(bytes)
      return
    }
    connection.pending++
    connection.tail = connection.tail
      .then(() => barrier)
      .then(
        () => {
          if (connection.socket.readyState === OPEN) connection.socket.send(bytes)
        },
        // Not on disk, so not acknowledged: the client keeps its changes and syncs again.
        (error: unknown) => this.#options.onStorageError?.(message.documentId ?? '', error),
      )
      .finally(() => {
        connection.pending--
      })
  }

  #receive(connection: Connection, data: Uint8Array, isBinary: boolean) {
    if (!isBinary)
      return this.#close(connection, {
        code: 'TRP-608',
        reason: 'malformed message',
        detail: 'text frame',
      })
    if (data.byteLength > this.limits.maxMessageBytes)
      return this.#close(connection, {
        code: 'TRP-604',
        reason: 'message too large',
        bytes: data.byteLength,
      })
    if (!this.#take(connection))
      return this.#close(connection, { code: 'TRP-607', reason: 'too many messages per second' })

    let message: Record<string, unknown>
    try {
      message = cbor.decode(data)
    } catch {
      return this.#close(connection, {
        code: 'TRP-608',
        reason: 'malformed message',
        detail: 'not CBOR',
      })
    }
    const problem = shapeProblem(message)
    if (problem)
      return this.#close(connection, {
        code: 'TRP-608',
        reason: 'malformed message',
        detail: problem,
      })

    if (message.type === 'join') return this.#join(connection, message)
    // automerge-repo clients relay every ephemeral message they receive to their other peers,
    // the server included, keeping the original sender: the server already forwarded it, so
    // the echo is dropped, not taken for spoofing (which closed the connection of everyone who
    // received presence).
    if (message.type === 'ephemeral' && connection.peerId && message.senderId !== connection.peerId)
      return
    if (!connection.peerId || message.senderId !== connection.peerId)
      return this.#close(connection, {
        code: 'TRP-609',
        reason: 'peer id taken or spoofed',
        peerId: String(message.senderId),
      })

    const type = message.type as string
    const documentId = message.documentId as DocumentId
    if (type !== 'request' && type !== 'sync' && type !== 'ephemeral' && type !== 'doc-unavailable')
      return // remote-heads gossip is off on the server; anything else is not for us
    if (!connection.gate.canRead(documentId)) {
      this.#options.onRefused?.(connection.id, {
        code: 'TRP-602',
        reason: 'not allowed to read',
        documentId,
        type,
      })
      // Answer as for a document that does not exist: nothing tells a visitor what is here.
      if (type === 'request' || type === 'sync') this.#unavailable(connection, documentId)
      return
    }
    if (type === 'request' || type === 'sync') {
      const changes = syncChanges(message.data as Uint8Array)
      if (changes === undefined)
        return this.#close(connection, {
          code: 'TRP-608',
          reason: 'malformed message',
          detail: 'bad sync message',
        })
      if (changes > 0 && !connection.gate.canWrite(documentId))
        return this.#close(connection, {
          code: 'TRP-603',
          reason: 'not allowed to write',
          documentId,
        })
      const bytes = (this.#options.documentBytes?.(documentId) ?? 0) + data.byteLength
      if (changes > 0 && bytes > this.limits.maxDocumentBytes)
        return this.#close(connection, {
          code: 'TRP-605',
          reason: 'document too large',
          documentId,
          bytes,
        })
    }
    if (type === 'ephemeral' && !isCbor(message.data as Uint8Array))
      return this.#close(connection, {
        code: 'TRP-608',
        reason: 'malformed message',
        detail: 'bad ephemeral data',
      })
    if (type === 'request' || type === 'sync') this.#remember(connection.peerId, documentId)
    this.emit('message', message as unknown as Message)
  }

  #remember(peerId: PeerId, documentId: DocumentId): void {
    const opened = this.#opened.get(peerId) ?? { documents: new Set<DocumentId>() }
    opened.documents.add(documentId)
    this.#opened.set(peerId, opened)
  }

  #join(connection: Connection, message: Record<string, unknown>) {
    const peerId = message.senderId as PeerId
    const versions = message.supportedProtocolVersions
    if (connection.peerId && connection.peerId !== peerId)
      return this.#close(connection, {
        code: 'TRP-609',
        reason: 'peer id taken or spoofed',
        peerId,
      })
    const holder = this.#byPeer.get(peerId)
    if (holder && holder !== connection) {
      // A reconnect from the same principal replaces its old socket; nobody else may take it.
      if (holder.gate.principal !== connection.gate.principal)
        return this.#close(connection, {
          code: 'TRP-609',
          reason: 'peer id taken or spoofed',
          peerId,
        })
      this.#unbind(holder)
      holder.socket.close(1000, 'replaced by a newer connection')
    }
    if (Array.isArray(versions) && !versions.includes(PROTOCOL)) {
      this.#sendNow(connection, {
        type: 'error',
        message: 'unsupported protocol version',
        targetId: peerId,
      })
      connection.socket.close(1002, 'unsupported protocol version')
      return
    }
    connection.peerId = peerId
    this.#byPeer.set(peerId, connection)
    this.#sendNow(connection, {
      type: 'peer',
      peerMetadata: this.peerMetadata,
      selectedProtocolVersion: PROTOCOL,
      targetId: peerId,
    })
    const peerMetadata = (message.peerMetadata ?? {}) as PeerMetadata
    this.emit('peer-candidate', { peerId, peerMetadata })
  }

  #unavailable(connection: Connection, documentId: DocumentId): void {
    if (!connection.peerId) return
    this.#sendNow(connection, { type: 'doc-unavailable', documentId, targetId: connection.peerId })
  }

  #sendNow(connection: Connection, message: Record<string, unknown>): void {
    if (connection.socket.readyState !== OPEN) return
    connection.socket.send(cbor.encode({ ...message, senderId: this.peerId }))
  }

  /** Token bucket: `messageBurst` at once, refilled at `messagesPerSecond`. */
  #take(connection: Connection): boolean {
    const now = Date.now()
    const refill = ((now - connection.refilledAt) / 1000) * this.limits.messagesPerSecond
    connection.tokens = Math.min(this.limits.messageBurst, connection.tokens + refill)
    connection.refilledAt = now
    if (connection.tokens < 1) return false
    connection.tokens--
    return true
  }

  #close(connection: Connection, refusal: Refusal & { code: keyof typeof closeCodes }): void {
    this.#refused(connection, refusal)
    if (connection.peerId && connection.socket.readyState === OPEN)
      this.#sendNow(connection, {
        type: 'error',
        message: `${refusal.code} ${refusal.reason}`,
        targetId: connection.peerId,
      })
    this.#unbind(connection)
    connection.socket.close(closeCodes[refusal.code], `${refusal.code} ${refusal.reason}`)
  }

  #refused(connection: Connection, refusal: Refusal): void {
    this.#options.onRefused?.(connection.id, refusal)
  }

  #drop(connection: Connection): void {
    this.#connections.delete(connection)
    this.#unbind(connection)
  }

  #unbind(connection: Connection): void {
    const peerId = connection.peerId
    if (peerId && this.#byPeer.get(peerId) === connection) {
      this.#byPeer.delete(peerId)
      const opened = this.#opened.get(peerId)
      if (opened) {
        clearTimeout(opened.forget)
        opened.forget = setTimeout(() => {
          if (!this.#byPeer.has(peerId)) this.#opened.delete(peerId)
        }, REMEMBER_OPEN_MS)
        opened.forget.unref()
      }
      this.emit('peer-disconnected', { peerId })
    }
  }

  #ping(): void {
    const misses = this.#options.keepAliveMisses ?? 3
    for (const connection of this.#connections) {
      if (connection.unanswered >= misses) {
        this.#drop(connection)
        connection.socket.terminate()
        continue
      }
      connection.unanswered++
      connection.socket.ping()
    }
  }
}

/** Checks the fields the repo relies on, so a hostile message cannot throw inside it. */
function shapeProblem(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return 'not a map'
  const m = message as Record<string, unknown>
  if (typeof m.type !== 'string') return 'no type'
  if (typeof m.senderId !== 'string' || m.senderId.length === 0 || m.senderId.length > 256)
    return 'bad senderId'
  if (m.type === 'join') return undefined
  if (m.type === 'request' || m.type === 'sync' || m.type === 'ephemeral') {
    if (!(m.data instanceof Uint8Array) || m.data.byteLength === 0) return 'no data'
  }
  if (['request', 'sync', 'ephemeral', 'doc-unavailable'].includes(m.type)) {
    if (typeof m.documentId !== 'string' || !/^[1-9A-HJ-NP-Za-km-z]{1,64}$/.test(m.documentId))
      return 'bad documentId'
  }
  if (m.type === 'ephemeral') {
    if (typeof m.count !== 'number' || typeof m.sessionId !== 'string') return 'bad ephemeral'
  }
  return undefined
}

/** Number of changes a sync message carries (a write when > 0); undefined if it is not one. */
function syncChanges(data: Uint8Array): number | undefined {
  try {
    const decoded = A.decodeSyncMessage(data)
    // Each change (or whole-document chunk) must be intact, or applying it would throw
    // inside the repo.
    for (const change of decoded.changes) if (chunkProblem(change)) return undefined
    return decoded.changes.length
  } catch {
    return undefined
  }
}

function isCbor(data: Uint8Array): boolean {
  try {
    cbor.decode(data)
    return true
  } catch {
    return false
  }
}
