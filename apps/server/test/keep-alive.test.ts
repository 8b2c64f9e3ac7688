import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { type RunningServer, startServer } from '../src/server'
import { tempDir } from './helpers'

/**
 * The server pings every sync connection each keepAliveMs and drops one that left
 * keepAliveMisses pings in a row unanswered (default 3): a dead client is dropped, a client
 * that is merely slow for an interval or two is not.
 */
describe('keep-alive on the sync connection', () => {
  const data = tempDir('keep-alive')
  let server: RunningServer

  beforeAll(async () => {
    server = await startServer({ port: 0, dataDir: data.path, keepAliveMs: 100 })
  })
  afterAll(async () => {
    await server.close()
    data.remove()
  })

  /**
   * Opens a sync socket that answers ping number n (from 1) only when `answers(n)`, and
   * resolves after `pings` pings or when the server closes the socket, whichever comes first.
   */
  async function ride(answers: (n: number) => boolean, pings: number) {
    const socket = new WebSocket(server.ownerSyncUrl, { autoPong: false })
    await new Promise((done, fail) => {
      socket.once('open', done)
      socket.once('error', fail)
    })
    let seen = 0
    const outcome = await new Promise<'closed' | 'open'>((done) => {
      socket.on('ping', () => {
        seen++
        if (answers(seen)) socket.pong()
        if (seen === pings) done('open')
      })
      socket.once('close', () => done('closed'))
    })
    socket.terminate()
    return { outcome, pings: seen }
  }

  it('keeps a client that answers every ping', async () => {
    expect(await ride(() => true, 10)).toEqual({ outcome: 'open', pings: 10 })
  })

  it('drops a client that leaves three pings in a row unanswered', async () => {
    expect(await ride(() => false, 20)).toEqual({ outcome: 'closed', pings: 3 })
  })

  it('keeps a client that is slow for two intervals at a time and then answers', async () => {
    // Misses pings 1 and 2, answers 3, misses 4 and 5, answers 6, ...
    expect(await ride((n) => n % 3 === 0, 12)).toEqual({ outcome: 'open', pings: 12 })
  })

  it('drops a client that answered once and then went silent', async () => {
    expect(await ride((n) => n === 1, 20)).toEqual({ outcome: 'closed', pings: 4 })
  })
})
