import { load, save } from '@automerge/automerge'
import {
  type AnyDocumentId,
  type DocumentId,
  interpretAsDocumentId,
  type Repo,
} from '@automerge/automerge-repo'
import { PROJECT_DOC_TYPE } from '../schema/project'

/**
 * Opening a document this browser has never held, in one Automerge load instead of one sync.
 *
 * Through sync, a peer with nothing receives the whole document in a sync message, and
 * Automerge applies it as patches to an empty document: for a project of 1,000 actors that
 * was most of the time to open it (measured in `pnpm bench studio-open`: the patches of every
 * character of every string, built in wasm and copied into JavaScript one by one, then diffed
 * again for the change event). `load` builds the same document directly. So the studio asks
 * the server for the saved document (`documentSnapshot`, behind the owner's login), loads it
 * into the repo's handle before the handle asks anyone (`seedFromSnapshot`), and sync then
 * only has to confirm both sides hold the same heads, or bring what changed since.
 */

/** Where a document's saved bytes come from (the server, over HTTP); null when not there. */
export type SnapshotSource = (documentId: DocumentId) => Promise<Uint8Array | null>

/**
 * The last save of each document version: every browser opening a project asks for it, and a
 * save of 1,000 actors holds the server's event loop (serving the studio's script to the same
 * browsers) for tens of milliseconds. A change gives the handle a new document object, so a
 * save is never served for a version it does not hold.
 */
const saves = new WeakMap<object, Uint8Array>()

/** A document as saved by Automerge (its whole history), and the instance it names. */
export interface DocumentSnapshot {
  bytes: Uint8Array
  /**
   * For a project, the id of the instance document it names (`instanceUrl`), so whoever
   * asked can ask for that one too without waiting to load the project; else null.
   */
  instanceId: string | null
}

/** The document's snapshot, or null when the repo cannot find it. */
export async function documentSnapshot(
  repo: Repo,
  documentId: string,
  waitMs = 5_000,
): Promise<DocumentSnapshot | null> {
  try {
    const handle = await repo.find(documentId as AnyDocumentId, {
      signal: AbortSignal.timeout(waitMs),
    })
    const doc = handle.doc()
    let bytes = saves.get(doc)
    if (!bytes) {
      bytes = save(doc)
      saves.set(doc, bytes)
    }
    return { bytes, instanceId: instanceIdOf(doc) }
  } catch {
    return null
  }
}

/** The document id in a project's `instanceUrl`, when it is one (anything else: null). */
function instanceIdOf(doc: unknown): string | null {
  const { type, instanceUrl } = doc as { type?: unknown; instanceUrl?: unknown }
  if (type !== PROJECT_DOC_TYPE || typeof instanceUrl !== 'string') return null
  return /^automerge:([1-9A-HJ-NP-Za-km-z]+)$/.exec(instanceUrl)?.[1] ?? null
}

/**
 * Puts a document's snapshot into the repo before it is found, when this repo does not hold
 * the document yet (no open handle, nothing in its storage): returns whether it did. A copy
 * in storage is never replaced (it may hold changes not synced yet); the repo loads that one
 * as always. A snapshot that fails to load is ignored: the document then comes by sync.
 */
export async function seedFromSnapshot(
  repo: Repo,
  id: AnyDocumentId,
  snapshot: SnapshotSource,
): Promise<boolean> {
  const documentId = interpretAsDocumentId(id)
  if (repo.handles[documentId]) return false
  // Asked together: the storage check is a read of its chunks, no Automerge work.
  const fetched = snapshot(documentId).catch(() => null)
  const stored = await repo.storageSubsystem?.loadDocData(documentId)
  if (stored) return false
  const bytes = await fetched
  if (!bytes || repo.handles[documentId]) return false
  let doc: ReturnType<typeof load>
  try {
    doc = load(bytes)
  } catch {
    return false
  }
  // Created now (it starts loading from storage, which holds nothing) and filled at once, in
  // the same task, before it can ask the network for the document.
  const { handle } = repo.findWithProgress(documentId)
  handle.update(() => doc)
  return true
}
