import {
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { createNodeRepo, type DocHandle, whenSynced } from '@troupe/documents/node'
import { describe, expect, it } from 'vitest'
import { startServer } from '../src/server'
import { captureLogs, overTheNetwork, tempDir } from './helpers'

type Note = { text: string }

/** The files a document has in the data folder (same layout as automerge-repo's NodeFS). */
function filesOf(dataDir: string, documentId: string): string[] {
  const folder = join(dataDir, documentId.slice(0, 2), documentId.slice(2))
  return readdirSync(folder, { recursive: true })
    .map((name) => join(folder, String(name)))
    .filter((path) => statSync(path).isFile() && !path.includes('sync-state'))
}

describe('a damaged data folder', overTheNetwork, () => {
  it('reports a corrupt and a truncated file, moves them aside, still loads the other documents, and starts', async () => {
    const data = tempDir('corrupt')
    try {
      const first = await startServer({ port: 0, dataDir: data.path })
      const writer = createNodeRepo({ syncUrl: first.ownerSyncUrl })
      const docs: DocHandle<Note>[] = ['flipped', 'truncated', 'intact'].map((text) =>
        writer.create<Note>({ text: `${text} ${'x'.repeat(2000)}` }),
      )
      await Promise.all(docs.map((handle) => whenSynced(writer, handle)))
      await writer.shutdown()
      await first.close()
      const [flipped, truncated, intact] = docs as [
        DocHandle<Note>,
        DocHandle<Note>,
        DocHandle<Note>,
      ]

      const flippedFile = filesOf(data.path, flipped.documentId)[0] as string
      const bytes = readFileSync(flippedFile)
      const middle = Math.floor(bytes.length / 2)
      bytes[middle] = (bytes[middle] ?? 0) ^ 0xff
      writeFileSync(flippedFile, bytes)
      const truncatedFile = filesOf(data.path, truncated.documentId)[0] as string
      truncateSync(truncatedFile, Math.floor(statSync(truncatedFile).size / 2))

      const logs = captureLogs()
      const second = await startServer({ port: 0, dataDir: data.path, logger: logs.logger })
      try {
        for (const handle of [flipped, truncated]) {
          const report = await logs.waitFor(
            (line) => line.code === 'TRP-610' && line.documentId === handle.documentId,
          )
          expect(String(report.problem)).toMatch(/checksum|cut short|truncated/)
          expect(existsSync(join(data.path, String(report.movedTo)))).toBe(true)
        }
        expect((await fetch(`${second.url}/health`)).status).toBe(200)
        const reader = createNodeRepo({ syncUrl: second.ownerSyncUrl })
        try {
          const found = await reader.find<Note>(intact.url)
          expect(found.doc().text).toMatch(/^intact /)
        } finally {
          await reader.shutdown()
        }
      } finally {
        await second.close()
      }
    } finally {
      data.remove()
    }
  })
})
