import { randomBytes } from 'node:crypto'
import { createNodeRepo, encodeFrame, whenSynced } from '@troupe/documents/node'
import { describe, expect, it } from 'vitest'
import {
  captureLogs,
  closed,
  NETWORK_TIMEOUT_MS,
  openSocket,
  overTheNetwork,
  serverForBlock,
} from './helpers'

type Note = { text: string }

describe(
  'limits and hostile frames: the connection closes, the server stays up',
  overTheNetwork,
  () => {
    const logs = captureLogs()
    const suite = serverForBlock('limits', {
      logger: logs.logger,
      limits: {
        maxMessageBytes: 16 * 1024,
        maxDocumentBytes: 4 * 1024,
        messagesPerSecond: 5,
        messageBurst: 8,
        maxConnectionsPerClient: 4,
      },
    })

    const socket = async () => {
      const opened = await openSocket(suite.server.ownerSyncUrl)
      if (opened.kind !== 'open') throw new Error(`refused: ${opened.status}`)
      return opened.socket
    }

    /** A real client still syncs through the server: it survived whatever came before. */
    async function serverStillWorks() {
      expect((await fetch(`${suite.server.url}/health`)).status).toBe(200)
      const client = createNodeRepo({ syncUrl: suite.server.ownerSyncUrl })
      try {
        const handle = client.create<Note>({ text: 'still here' })
        await whenSynced(client, handle)
      } finally {
        await client.shutdown()
      }
    }

    it('closes a connection that sends a frame over the message size limit (1009, TRP-604)', async () => {
      const ws = await socket()
      const end = closed(ws)
      ws.send(randomBytes(64 * 1024))
      expect((await end).code).toBe(1009)
      await logs.waitFor((line) => line.code === 'TRP-604')
      await serverStillWorks()
    })

    it('closes a connection that sends garbage, as binary or as text (1007, TRP-608)', async () => {
      for (const frame of [randomBytes(200), 'hello', encodeFrame({ type: 7 })]) {
        const ws = await socket()
        const end = closed(ws)
        ws.send(frame)
        const { code, reason } = await end
        expect(code).toBe(1007)
        expect(reason).toContain('TRP-608')
      }
      // A well-formed frame whose sync data is not a sync message.
      const ws = await socket()
      const end = closed(ws)
      ws.send(
        encodeFrame({
          type: 'join',
          senderId: 'peer-garbage',
          peerMetadata: {},
          supportedProtocolVersions: ['1'],
        }),
      )
      ws.send(
        encodeFrame({
          type: 'sync',
          senderId: 'peer-garbage',
          targetId: 'server',
          documentId: '4NMNnkMhL8jXrdJ9jamS2hnd',
          data: randomBytes(40),
        }),
      )
      expect((await end).code).toBe(1007)
      await serverStillWorks()
    })

    it('closes a connection that sends more messages per second than allowed (4029, TRP-607)', async () => {
      const ws = await socket()
      const end = closed(ws)
      const join = encodeFrame({
        type: 'join',
        senderId: 'peer-chatty',
        peerMetadata: {},
        supportedProtocolVersions: ['1'],
      })
      for (let i = 0; i < 20; i++) ws.send(join)
      const { code, reason } = await end
      expect(code).toBe(4029)
      expect(reason).toContain('TRP-607')
      await serverStillWorks()
    })

    it('refuses a write that would grow a document past the size limit (TRP-605) and stores none of it', async () => {
      const client = createNodeRepo({ syncUrl: suite.server.ownerSyncUrl })
      const big = client.create<Note>({ text: randomBytes(6 * 1024).toString('base64') })
      const refusal = await logs.waitFor(
        (line) => line.code === 'TRP-605' && line.documentId === big.documentId,
      )
      expect(refusal.msg).toContain('document too large')
      await client.shutdown()
      const reader = createNodeRepo({ syncUrl: suite.server.ownerSyncUrl })
      try {
        await expect(reader.find<Note>(big.url)).rejects.toThrow(/unavailable/)
      } finally {
        await reader.shutdown()
      }
      await serverStillWorks()
    })

    it('refuses more sync connections from one address than allowed (429, TRP-606)', async () => {
      // Earlier tests' clients are gone once the server has counted their sockets closed.
      await expect
        .poll(() => logs.lines.filter((l) => l.msg === 'sync connection closed').length, {
          timeout: NETWORK_TIMEOUT_MS,
        })
        .toBe(logs.lines.filter((l) => l.msg === 'sync connection opened').length)
      const open = await Promise.all([socket(), socket(), socket(), socket()])
      const fifth = await openSocket(suite.server.ownerSyncUrl)
      expect(fifth.kind === 'refused' && fifth.status).toBe(429)
      expect(fifth.kind === 'refused' && fifth.body).toContain('TRP-606')
      const first = open.shift()
      const gone = closed(first!)
      first!.close()
      await gone
      // The server counts the close: the slot is free again.
      await expect
        .poll(async () => (await openSocket(suite.server.ownerSyncUrl)).kind, {
          timeout: NETWORK_TIMEOUT_MS,
        })
        .toBe('open')
      for (const ws of open) ws.close()
    })
  },
)
