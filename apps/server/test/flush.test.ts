import { createServerRepo } from '@troupe/documents/node'
import { describe, expect, it } from 'vitest'
import { tempDir } from './helpers'

/**
 * The sync server sends a sync message (which tells the client the server's heads, i.e.
 * acknowledges its changes) only after the document is on disk: `beforeSync` is a promise
 * while the document has changes not yet written, and undefined once exactly the document's
 * current heads are on disk, so the message goes out at once.
 */
describe('the acknowledgement barrier', () => {
  it('waits for a write while there are unsaved changes, and not once they are on disk', async () => {
    const data = tempDir('flush')
    const { repo, sync, close } = await createServerRepo({ dataDir: data.path, fsync: false })
    try {
      const handle = repo.create<{ n: number }>({ n: 0 })
      const first = sync.beforeSync?.(handle.documentId)
      expect(first).toBeInstanceOf(Promise)
      await first
      expect(sync.beforeSync?.(handle.documentId)).toBeUndefined()

      handle.change((doc) => {
        doc.n = 1
      })
      const second = sync.beforeSync?.(handle.documentId)
      expect(second).toBeInstanceOf(Promise)
      await second
      expect(sync.beforeSync?.(handle.documentId)).toBeUndefined()

      // What a fresh repo finds on disk is what the barrier said was there.
      await close()
      const reopened = await createServerRepo({ dataDir: data.path, fsync: false })
      const found = await reopened.repo.find<{ n: number }>(handle.url)
      expect(found.doc().n).toBe(1)
      await reopened.close()
    } finally {
      data.remove()
    }
  })
})
