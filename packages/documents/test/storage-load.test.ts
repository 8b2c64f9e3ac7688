import * as A from '@automerge/automerge'
import {
  type DocHandleChangePayload,
  generateAutomergeUrl,
  parseAutomergeUrl,
  Repo,
} from '@automerge/automerge-repo'
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs'
import { describe, expect, it } from 'vitest'
import { tempDir } from './support/temp'

/**
 * Our patch of automerge-repo (patches/) loads a stored document with Automerge's `load`
 * instead of `loadIncremental` into an empty one, and computes the first change event's
 * patches only when a listener reads them: both for speed (`pnpm bench runtime`, open). These
 * tests hold what must not change with it: what storage holds is what a repo opens, also
 * when a chunk's dependencies are missing, and the first change event still tells the truth.
 */
type Doc = Record<string, number>

async function storedChunks(chunks: Uint8Array[]) {
  const data = tempDir('storage-load')
  const url = generateAutomergeUrl()
  const { documentId } = parseAutomergeUrl(url)
  const storage = new NodeFSStorageAdapter(data.path)
  // A stored storage id: otherwise the repo writes one when it starts, and a test over before
  // that write lands removed the folder under it (an unhandled ENOENT in one CI run).
  await storage.save(['storage-adapter-id'], new TextEncoder().encode('storage-load-test'))
  for (const [i, chunk] of chunks.entries()) {
    await storage.save([documentId, i === 0 ? 'snapshot' : 'incremental', `chunk${i}`], chunk)
  }
  return { data, url, repo: new Repo({ storage: new NodeFSStorageAdapter(data.path) }) }
}

/** A document saved as automerge-repo stores one: a snapshot, then two incremental chunks. */
function threeChunks() {
  let doc = A.from<Doc>({ a: 1 })
  const snapshot = A.save(doc)
  doc = A.change(doc, (d) => {
    d.b = 2
  })
  const first = A.saveIncremental(doc)
  doc = A.change(doc, (d) => {
    d.c = 3
  })
  return { doc, snapshot, first, second: A.saveIncremental(doc) }
}

describe('opening a document from storage', { timeout: 30_000 }, () => {
  it('opens a snapshot followed by incremental chunks whole', async () => {
    const { doc, snapshot, first, second } = threeChunks()
    const { data, url, repo } = await storedChunks([snapshot, first, second])
    try {
      const handle = await repo.find<Doc>(url)
      expect(handle.doc()).toEqual({ a: 1, b: 2, c: 3 })
      expect(A.getHeads(handle.doc())).toEqual(A.getHeads(doc))
    } finally {
      await repo.shutdown()
      data.remove()
    }
  })

  it('keeps changes whose dependencies are missing until those arrive', async () => {
    const { snapshot, first: lost, second: dependent } = threeChunks()
    // The chunk in the middle never reached the disk.
    const { data, url, repo } = await storedChunks([snapshot, dependent])
    try {
      const handle = await repo.find<Doc>(url)
      expect(handle.doc()).toEqual({ a: 1 })
      const merged = A.loadIncremental(A.clone(handle.doc()), lost)
      expect(merged).toEqual({ a: 1, b: 2, c: 3 })
    } finally {
      await repo.shutdown()
      data.remove()
    }
  })

  it('gives the first change event the patches from nothing to the loaded document', async () => {
    const doc = A.from<Record<string, unknown>>({ title: 'hi', list: [1, 2] })
    const { data, url, repo } = await storedChunks([A.save(doc)])
    try {
      const progress = repo.findWithProgress<Record<string, unknown>>(url)
      const events: DocHandleChangePayload<Record<string, unknown>>[] = []
      progress.handle.on('change', (event) => events.push(event))
      await progress.handle.whenReady()
      expect(events).toHaveLength(1)
      const patches = events[0]!.patches
      expect(new Set(patches.map((patch) => patch.path[0]))).toEqual(new Set(['title', 'list']))
      expect(patches).toContainEqual({ action: 'insert', path: ['list', 0], values: [1, 2] })
    } finally {
      await repo.shutdown()
      data.remove()
    }
  })
})
