import type { DocumentId, Repo } from '@automerge/automerge-repo'

/**
 * Writes one document to storage on demand, coalescing: while a write runs, every caller
 * waits for one more write that starts after it (so it covers whatever they saw), and all
 * of them share that write. The sync server awaits this before it sends a client heads:
 * the acknowledgement then never runs ahead of the disk.
 */
export function documentFlusher(repo: Repo): (documentId: DocumentId) => Promise<void> {
  const running = new Map<DocumentId, Promise<void>>()
  const next = new Map<DocumentId, Promise<void>>()

  const start = (documentId: DocumentId): Promise<void> => {
    // A document still being requested holds nothing yet, and its sync reply says so.
    const handle = repo.handles[documentId]
    const ready = handle?.isReady() ? repo.flush([documentId]) : Promise.resolve()
    const write = ready.finally(() => {
      if (running.get(documentId) === write) running.delete(documentId)
    })
    running.set(documentId, write)
    return write
  }

  return (documentId) => {
    const current = running.get(documentId)
    if (!current) return start(documentId)
    let queued = next.get(documentId)
    if (!queued) {
      queued = current
        .catch(() => {})
        .then(() => {
          next.delete(documentId)
          return start(documentId)
        })
      next.set(documentId, queued)
    }
    return queued
  }
}
