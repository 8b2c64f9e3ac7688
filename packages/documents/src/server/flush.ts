import type { DocumentId, Repo } from '@automerge/automerge-repo'

type SaveDoc = (documentId: DocumentId, doc: unknown) => Promise<void>

/**
 * Makes every write of a document go through one queue, and returns `flush(documentId)`,
 * which resolves once the document as it is now is on disk. The sync server awaits it before
 * it sends a client heads, so an acknowledgement never runs ahead of the disk.
 *
 * Why the queue: automerge-repo saves a document from two places, its own throttled
 * background save and `repo.flush`, and lets them overlap. The background save also writes
 * the document as it was when the throttle was armed. A compaction (snapshot, then delete the
 * older chunks) that overlaps a newer incremental save can delete chunks its snapshot does
 * not contain; the crash test lost acknowledged changes that way. Here each write waits for
 * the one before and saves the handle's current document, so a snapshot always holds
 * everything the chunks it replaces held.
 *
 * Coalescing: a flush that finds a write queued but not yet started shares it (it will save
 * the document as it is when it starts, which includes what the caller saw).
 */
export function serializedSaves(repo: Repo): (documentId: DocumentId) => Promise<void> {
  const storage = repo.storageSubsystem
  if (!storage) return async () => {}
  const save = storage.saveDoc.bind(storage) as SaveDoc
  const tails = new Map<DocumentId, Promise<void>>()
  const waiting = new Map<DocumentId, Promise<void>>()

  const enqueue = (documentId: DocumentId, given?: unknown): Promise<void> => {
    const queued = waiting.get(documentId)
    if (queued) return queued
    const before = tails.get(documentId) ?? Promise.resolve()
    const write = before
      .catch(() => {})
      .then(() => {
        waiting.delete(documentId)
        const handle = repo.handles[documentId]
        // A document still being requested holds nothing yet; its sync reply says so.
        if (!handle?.isReady()) return given === undefined ? undefined : save(documentId, given)
        return save(documentId, handle.doc())
      })
    waiting.set(documentId, write)
    tails.set(documentId, write)
    void write.finally(() => {
      if (tails.get(documentId) === write) tails.delete(documentId)
    })
    return write
  }

  storage.saveDoc = ((documentId: DocumentId, doc: unknown) =>
    enqueue(documentId, doc)) as typeof storage.saveDoc
  return (documentId) => enqueue(documentId)
}
