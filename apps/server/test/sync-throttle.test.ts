import { whenDoc } from '@troupe/documents'
import { type DocHandle, type Repo, SYNC_THROTTLE_MS, whenSynced } from '@troupe/documents/node'
import { describe, expect, it } from 'vitest'
import { overTheNetwork, serverForBlock } from './helpers'

/**
 * automerge-repo's per-document sync throttle is a Repo option (`syncDebounceRate`) only
 * through our pnpm patch of @automerge/automerge-repo 2.5.6 (patches/); Troupe's repos pass
 * SYNC_THROTTLE_MS. These tests count the sync messages a writer sends while it changes a
 * document every few ms, so they fail if the option stops reaching the DocSynchronizer (with
 * the stock 100 ms most changes of the stream would wait for the one after them).
 */

interface Counts {
  /** Sync messages the repo sent for the document. */
  sent: number
  /** Messages the repo received for the document. */
  received: number
}

function countMessages(repo: Repo, documentId: DocHandle<unknown>['documentId']): Counts {
  const counts: Counts = { sent: 0, received: 0 }
  repo.synchronizer.on('message', (message) => {
    if (message.type === 'sync' && message.documentId === documentId) counts.sent++
  })
  repo.networkSubsystem.on('message', (message) => {
    if ('documentId' in message && message.documentId === documentId) counts.received++
  })
  return counts
}

type Doc = { writes: number[]; reader?: boolean }
const changes = 30
const spacingMs = 5

/**
 * `changes` changes, each in a timer of its own `spacingMs` after the one before; resolves
 * to how many of them were made while the change before was still unsent.
 */
async function writeStream(handle: { change(fn: (doc: Doc) => void): void }, counts: Counts) {
  let held = 0
  let sentBefore = counts.sent
  for (let i = 0; i < changes; i++) {
    await new Promise((next) => setTimeout(next, spacingMs))
    if (i > 0 && counts.sent === sentBefore) held++
    sentBefore = counts.sent
    handle.change((doc) => {
      doc.writes.push(i)
    })
  }
  return held
}

describe("the sync throttle option of Troupe's repos", overTheNetwork, () => {
  const suite = serverForBlock('sync-throttle')

  it('Troupe sends every change in a round of its own, and the server passes it on', async () => {
    expect(SYNC_THROTTLE_MS).toBeLessThan(spacingMs)
    const writer = suite.client()
    const reader = suite.client()
    const handle = writer.create<Doc>({ writes: [] })
    await whenSynced(writer, handle)
    const readers = await reader.find<Doc>(handle.url)
    const counts = countMessages(writer, handle.documentId)

    // Each change's round went out before the next change was made.
    expect(await writeStream(handle, counts)).toBe(0)
    await whenDoc(readers, (doc) => doc.writes.length === changes)
    // The server's and the reader's synchronizers run with the same throttle.
    for (const repo of [suite.server.repo, reader])
      expect(repo.synchronizer.docSynchronizers[handle.documentId]?.syncDebounceRate).toBe(
        SYNC_THROTTLE_MS,
      )
  })

  it('a long throttle holds changes back until a message from the server is answered', async () => {
    const writer = suite.client(undefined, { syncThrottleMs: 3_600_000 })
    const reader = suite.client()
    const handle = writer.create<Doc>({ writes: [] })
    await whenSynced(writer, handle)
    const readers = await reader.find<Doc>(handle.url)
    const counts = countMessages(writer, handle.documentId)

    expect(await writeStream(handle, counts)).toBe(changes - 1)
    // No round of its own: nothing left the writer during the stream.
    expect(counts).toEqual({ sent: 0, received: 0 })

    // The reader's change reaches the writer, whose reply carries the held changes.
    let receivedBeforeFirstSend = -1
    writer.synchronizer.once('message', () => {
      receivedBeforeFirstSend = counts.received
    })
    readers.change((doc) => {
      doc.reader = true
    })
    await whenDoc(readers, (doc) => doc.writes.length === changes)
    expect(receivedBeforeFirstSend).toBeGreaterThan(0)
  })
})
