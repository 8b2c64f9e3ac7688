import { seededRandom } from '@troupe/core'
import { createNodeRepo, type DocHandle, type Repo, whenSynced } from '@troupe/documents/node'
import { describe, expect, it } from 'vitest'
import { spawnServer } from './child-server'
import { tempDir } from './helpers'

type Log = { items: number[] }

/** How many times the server is killed; the issue asks for 50 in CI. */
const KILLS = Number(process.env.TROUPE_CRASH_KILLS ?? 50)
const SEED = Number(process.env.TROUPE_CRASH_SEED ?? 8)
/**
 * The server's background save runs a whole second late here, so an acknowledgement sent
 * before its document was written would be lost to the next kill; only the flush before
 * each acknowledgement keeps this test green (remove it and the test fails).
 */
const slowBackgroundSave = { TROUPE_SAVE_DEBOUNCE_MS: '1000' }

/**
 * Writes one item after another, each its own change, and tracks the highest item the
 * server acknowledged: the server's heads as reported back to this client (what whenSynced
 * waits for). One writer at a time keeps history linear, so a reported head names exactly
 * the item whose change it is.
 */
function writeContinuously(repo: Repo, handle: DocHandle<Log>, next: number) {
  const itemByHead = new Map<string, number>()
  let acked = -1
  let stopped = false
  let firstAck: () => void = () => {}
  let onNextAck: (() => void) | undefined
  const firstAcked = new Promise<void>((resolve) => {
    firstAck = resolve
  })
  handle.on('remote-heads', ({ heads }) => {
    const item = heads.length === 1 ? itemByHead.get(heads[0] as string) : undefined
    if (item !== undefined && item > acked) {
      acked = item
      firstAck()
      // The riskiest moment for durability: right as an acknowledgement arrives.
      onNextAck?.()
      onNextAck = undefined
    }
  })
  const loop = async () => {
    for (let item = next; !stopped; item++) {
      handle.change((doc) => {
        doc.items.push(item)
      })
      itemByHead.set(handle.heads()[0] as string, item)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
  }
  const running = loop()
  return {
    firstAcked,
    acked: () => acked,
    /** Runs `action` synchronously on the next acknowledgement. */
    onNextAck: (action: () => void) =>
      new Promise<void>((resolve) => {
        onNextAck = () => {
          action()
          resolve()
        }
      }),
    stop: async () => {
      stopped = true
      await running
      await repo.shutdown()
    },
  }
}

describe('durability: a change the server acknowledged survives SIGKILL', () => {
  it(
    `keeps every acknowledged change across ${KILLS} kills of the server process`,
    async () => {
      const data = tempDir('crash')
      const rand = seededRandom(SEED)
      const acknowledged = new Set<number>()
      let server = await spawnServer(data.path, slowBackgroundSave)
      try {
        const creator = createNodeRepo({ syncUrl: server.ownerSyncUrl })
        const created = creator.create<Log>({ items: [] })
        const url = created.url
        let next = 0
        for (let kill = 0; kill < KILLS; kill++) {
          // A fresh client each round, with no storage of its own: whatever it finds came
          // from the server's disk, and whatever it did not get acknowledged dies with it.
          const writer = kill === 0 ? creator : createNodeRepo({ syncUrl: server.ownerSyncUrl })
          const handle = kill === 0 ? created : await writer.find<Log>(url)
          // Until the server reports our heads, we may hold only part of what it has.
          await whenSynced(writer, handle)
          const present = new Set(handle.doc().items)
          const lost = [...acknowledged].filter((item) => !present.has(item))
          expect(lost, `acknowledged items lost after kill ${kill}`).toEqual([])
          next = Math.max(next, ...handle.doc().items.map((item) => item + 1))

          const writing = writeContinuously(writer, handle, next)
          await writing.firstAcked
          await new Promise((resolve) => setTimeout(resolve, rand() * 100))
          const dying = server
          await writing.onNextAck(() => dying.process.kill('SIGKILL'))
          await server.kill()
          await writing.stop()
          for (let item = next; item <= writing.acked(); item++) acknowledged.add(item)
          server = await spawnServer(data.path, slowBackgroundSave)
        }
        const reader = createNodeRepo({ syncUrl: server.ownerSyncUrl })
        try {
          const final = await reader.find<Log>(url)
          await whenSynced(reader, final)
          const items = new Set(final.doc().items)
          expect([...acknowledged].filter((item) => !items.has(item))).toEqual([])
          expect(acknowledged.size).toBeGreaterThanOrEqual(KILLS)
        } finally {
          await reader.shutdown()
        }
      } finally {
        await server.kill()
        data.remove()
      }
    },
    Math.max(60_000, KILLS * 6_000),
  )
})
