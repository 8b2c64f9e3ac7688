/**
 * Node entry: repos with on-disk storage and websocket sync (client and server side).
 */

import type { NetworkAdapterInterface } from '@automerge/automerge-repo'
import { type PeerId, Repo } from '@automerge/automerge-repo'
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket'
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs'
import { ClientSocketAdapter } from './repo/client-socket'
import { clientSharePolicy } from './repo/share-policy'
import { SYNC_THROTTLE_MS } from './repo/sync-throttle'
import { type CorruptFile, FileStorage } from './server/file-storage'
import { serializedSaves } from './server/flush'
import type { SyncLimits } from './server/gate'
import { GuardedSocketAdapter, type GuardedSocketAdapterOptions } from './server/socket-adapter'

export interface NodeRepoOptions {
  /** Folder for document storage; without it documents live in memory only. */
  dataDir?: string
  /** Websocket URL of a sync server, e.g. ws://127.0.0.1:4321/sync. */
  syncUrl?: string
  /** Extra network adapters (tests connect repos with MessageChannel adapters). */
  network?: NetworkAdapterInterface[]
  peerId?: string
  /** Least ms between two sync rounds of a document (default SYNC_THROTTLE_MS). */
  syncThrottleMs?: number
}

/** A client repo for Node (CLI, tests): optional disk storage, optional sync server. */
export function createNodeRepo(options: NodeRepoOptions = {}): Repo {
  const network: NetworkAdapterInterface[] = [...(options.network ?? [])]
  if (options.syncUrl) network.push(new ClientSocketAdapter(options.syncUrl))
  return new Repo({
    network,
    sharePolicy: clientSharePolicy,
    syncDebounceRate: options.syncThrottleMs ?? SYNC_THROTTLE_MS,
    ...(options.dataDir ? { storage: new NodeFSStorageAdapter(options.dataDir) } : {}),
    ...(options.peerId ? { peerId: options.peerId as PeerId } : {}),
  })
}

export interface ServerRepoOptions {
  dataDir: string
  limits?: Partial<SyncLimits>
  /** fsync every write (default true); see FileStorage. */
  fsync?: boolean
  /**
   * automerge-repo's own background save delay (default 100 ms). Acknowledgements never wait
   * for it (they flush the document themselves); the crash test raises it so an ack that ran
   * ahead of the disk would show.
   */
  saveDebounceMs?: number
  /** Least ms between two sync rounds of a document (default SYNC_THROTTLE_MS). */
  syncThrottleMs?: number
  onCorrupt?: (file: CorruptFile) => void
  /** Keep-alive ping interval and tolerance; see GuardedSocketAdapterOptions. */
  keepAliveMs?: number
  keepAliveMisses?: number
  onRefused?: GuardedSocketAdapterOptions['onRefused']
  onStorageError?: GuardedSocketAdapterOptions['onStorageError']
}

export interface ServerRepo {
  repo: Repo
  /** Hand it each authenticated websocket with the gate the access policy chose. */
  sync: GuardedSocketAdapter
  storage: FileStorage
  /** Drops every connection and writes every loaded document (Repo.shutdown would throw on a handle that never became ready). */
  close(): Promise<void>
}

/**
 * The sync server's repo: crash-safe storage under dataDir (FileStorage), the guarded
 * websocket adapter (access per document, limits), and acknowledgements that wait for the
 * disk (a sync reply is sent only after its document was written). It never announces
 * documents; a client gets one only by asking for it by URL (then, after a reconnect, the
 * server syncs it again unasked: GuardedSocketAdapter.hadOpen), and the
 * repo itself also refuses any document the connection's gate does not allow.
 */
export async function createServerRepo(options: ServerRepoOptions): Promise<ServerRepo> {
  const storage = new FileStorage(options.dataDir, {
    ...(options.fsync === undefined ? {} : { fsync: options.fsync }),
    ...(options.onCorrupt ? { onCorrupt: options.onCorrupt } : {}),
  })
  const sync = new GuardedSocketAdapter({
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.onRefused ? { onRefused: options.onRefused } : {}),
    ...(options.onStorageError ? { onStorageError: options.onStorageError } : {}),
    ...(options.keepAliveMs === undefined ? {} : { keepAliveMs: options.keepAliveMs }),
    ...(options.keepAliveMisses === undefined ? {} : { keepAliveMisses: options.keepAliveMisses }),
    documentBytes: (id) => storage.documentBytes(id),
  })
  const repo = new Repo({
    network: [sync],
    storage,
    syncDebounceRate: options.syncThrottleMs ?? SYNC_THROTTLE_MS,
    ...(options.saveDebounceMs === undefined ? {} : { saveDebounceRate: options.saveDebounceMs }),
    shareConfig: {
      // Nothing is offered to a peer that did not ask; what it had open is synced again after
      // a reconnect (see GuardedSocketAdapter.hadOpen).
      announce: async (peerId, documentId) =>
        documentId !== undefined && sync.hadOpen(peerId, documentId),
      access: async (peerId, documentId) => sync.mayRead(peerId, documentId),
    },
  })
  sync.beforeSync = serializedSaves(repo)
  await repo.storageId()
  const close = async () => {
    sync.disconnect()
    const ready = Object.values(repo.handles).filter((handle) => handle.isReady())
    await repo.flush(ready.map((handle) => handle.documentId))
  }
  return { repo, sync, storage, close }
}

export type { AnyDocumentId, AutomergeUrl, DocHandle, Repo } from '@automerge/automerge-repo'
export * from './backup/index'
export { APP_INDEX_FILE, AppIndex, publishIndexed } from './publish/app-index'
export { ClientSocketAdapter } from './repo/client-socket'
export { SYNC_THROTTLE_MS } from './repo/sync-throttle'
export { whenSynced } from './repo/synced'
export { chunkProblem } from './server/chunks'
export { type CorruptFile, FileStorage, QUARANTINE_DIR } from './server/file-storage'
export { encodeFrame } from './server/frame'
export { defaultSyncLimits, type Refusal, type SyncGate, type SyncLimits } from './server/gate'
export { GuardedSocketAdapter, type SyncSocket } from './server/socket-adapter'
export { NodeFSStorageAdapter, WebSocketClientAdapter }
