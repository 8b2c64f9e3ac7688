import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { FileStorage } from '@troupe/documents/node'
import { describe, expect, it } from 'vitest'
import { tempDir } from './helpers'

/**
 * FileStorage remembers the folders it created, so a save skips the mkdir; a folder removed
 * behind its back (by hand, or a range removal) must still be created again.
 */
describe('FileStorage folders', () => {
  it('saves into a folder it created before, and again after that folder was removed', async () => {
    const data = tempDir('folders')
    try {
      const storage = new FileStorage(data.path, { fsync: false })
      const key = ['4NMNnkMhL8jXrdJ9jamS58PAVdXu', 'sync-state', 'peer']
      await storage.save(key, new Uint8Array([1]))
      await storage.save(key, new Uint8Array([2]))
      expect(await storage.load(key)).toEqual(new Uint8Array([2]))

      rmSync(join(data.path, '4N'), { recursive: true })
      await storage.save(key, new Uint8Array([3]))
      expect(await storage.load(key)).toEqual(new Uint8Array([3]))

      await storage.removeRange(['4NMNnkMhL8jXrdJ9jamS58PAVdXu'])
      expect(existsSync(join(data.path, '4N', 'MNnkMhL8jXrdJ9jamS58PAVdXu'))).toBe(false)
      await storage.save(key, new Uint8Array([4]))
      expect(await storage.load(key)).toEqual(new Uint8Array([4]))
    } finally {
      data.remove()
    }
  })
})
