import { readdirSync } from 'node:fs'
import type { AutomergeUrl } from '@troupe/documents/node'
import { whenSynced } from '@troupe/documents/node'
import { describe, expect, it } from 'vitest'
import { startServer } from '../src/server'
import { clientsPerTest, overTheNetwork, tempDir } from './helpers'

type Note = { text: string; count: number }

describe('documents survive a server restart', overTheNetwork, () => {
  const client = clientsPerTest()

  it('stores what a client writes on disk and serves it to a fresh client after a restart', async () => {
    const data = tempDir('persist')
    try {
      const first = await startServer({ port: 0, dataDir: data.path })
      const writer = client(first.ownerSyncUrl)
      const handle = writer.create<Note>({ text: 'hello', count: 0 })
      handle.change((d) => {
        d.count = 41
      })
      handle.change((d) => {
        d.count += 1
      })
      // The server reports holding our heads; only then is stopping it a fair test.
      await whenSynced(writer, handle)
      await first.close()

      const stored = readdirSync(data.path, { recursive: true }).map(String)
      const id = handle.documentId
      expect(
        stored.some((path) => path.startsWith(`${id.slice(0, 2)}`) && path.includes(id.slice(2))),
      ).toBe(true)

      const second = await startServer({ port: 0, dataDir: data.path })
      try {
        const reader = client(second.ownerSyncUrl)
        const found = await reader.find<Note>(handle.url as AutomergeUrl)
        expect(found.doc()).toEqual({ text: 'hello', count: 42 })
      } finally {
        await second.close()
      }
    } finally {
      data.remove()
    }
  })
})
