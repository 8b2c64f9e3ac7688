/**
 * Browser entry: a repo stored in IndexedDB and synced with the Troupe server over a websocket.
 */
import { Repo } from '@automerge/automerge-repo'
import { IndexedDBStorageAdapter } from '@automerge/automerge-repo-storage-indexeddb'
import { ClientSocketAdapter } from './repo/client-socket'
import { clientSharePolicy } from './repo/share-policy'
import { SYNC_THROTTLE_MS } from './repo/sync-throttle'

export interface BrowserRepoOptions {
  /** e.g. `ws://${location.host}/sync`; without it the repo works offline only. */
  syncUrl?: string
  /** IndexedDB database name; separate names keep separate local copies (e.g. in tests). */
  database?: string
}

export function createBrowserRepo(options: BrowserRepoOptions = {}): Repo {
  return new Repo({
    storage: new IndexedDBStorageAdapter(options.database ?? 'troupe'),
    network: options.syncUrl ? [new ClientSocketAdapter(options.syncUrl)] : [],
    sharePolicy: clientSharePolicy,
    syncDebounceRate: SYNC_THROTTLE_MS,
  })
}

/** The sync URL of the server that served this page. */
export function defaultSyncUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`
}

/**
 * Starts Automerge's wasm from a URL (compiled while it streams in), for pages that bundle
 * Automerge's `slim` entry instead of the self-initialising base64 one (the player does, so
 * its JavaScript stays small and the wasm loads in parallel). Call before creating a repo.
 */
export { initializeWasm as initializeAutomergeWasm } from '@automerge/automerge/slim'
export type { AnyDocumentId, AutomergeUrl, DocHandle, Repo } from '@automerge/automerge-repo'
export { ClientSocketAdapter } from './repo/client-socket'
