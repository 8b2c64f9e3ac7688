/**
 * Node entry: repos with on-disk storage and websocket sync (client and server side).
 */

import type { NetworkAdapterInterface } from '@automerge/automerge-repo'
import { type PeerId, Repo } from '@automerge/automerge-repo'
import {
  WebSocketClientAdapter,
  WebSocketServerAdapter,
} from '@automerge/automerge-repo-network-websocket'
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs'
import { clientSharePolicy, serverSharePolicy } from './repo/share-policy'

export interface NodeRepoOptions {
  /** Folder for document storage; without it documents live in memory only. */
  dataDir?: string
  /** Websocket URL of a sync server, e.g. ws://127.0.0.1:4321/sync. */
  syncUrl?: string
  /** Extra network adapters (tests connect repos with MessageChannel adapters). */
  network?: NetworkAdapterInterface[]
  peerId?: string
}

/** A client repo for Node (CLI, tests): optional disk storage, optional sync server. */
export function createNodeRepo(options: NodeRepoOptions = {}): Repo {
  const network: NetworkAdapterInterface[] = [...(options.network ?? [])]
  if (options.syncUrl) network.push(new WebSocketClientAdapter(options.syncUrl))
  return new Repo({
    network,
    sharePolicy: clientSharePolicy,
    ...(options.dataDir ? { storage: new NodeFSStorageAdapter(options.dataDir) } : {}),
    ...(options.peerId ? { peerId: options.peerId as PeerId } : {}),
  })
}

/** The `ws` WebSocketServer the adapter accepts (typed through the adapter, so no `ws` import here). */
export type SyncSocketServer = ConstructorParameters<typeof WebSocketServerAdapter>[0]

export interface ServerRepoOptions {
  dataDir: string
  socketServer: SyncSocketServer
}

/**
 * The sync server's repo: stores every document a client sends under dataDir, and answers
 * requests for documents by URL without announcing any on its own (see serverSharePolicy).
 *
 * Resolves once the websocket adapter listens: the repo attaches it only after reading its
 * storage id from disk, and a client that connects before that would be ignored for good.
 */
export async function createServerRepo({
  dataDir,
  socketServer,
}: ServerRepoOptions): Promise<Repo> {
  const repo = new Repo({
    network: [new WebSocketServerAdapter(socketServer)],
    storage: new NodeFSStorageAdapter(dataDir),
    sharePolicy: serverSharePolicy,
  })
  await repo.storageId()
  while (socketServer.listenerCount('connection') === 0) {
    await new Promise((resolve) => setImmediate(resolve))
  }
  return repo
}

export type { AnyDocumentId, AutomergeUrl, DocHandle, Repo } from '@automerge/automerge-repo'
export { whenSynced } from './repo/synced'
export { NodeFSStorageAdapter, WebSocketClientAdapter, WebSocketServerAdapter }
