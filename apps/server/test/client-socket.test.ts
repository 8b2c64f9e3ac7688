import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { ClientSocketAdapter, createNodeRepo } from '@troupe/documents/node'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'

/**
 * What a real websocket server does with the n-th upgrade request (from 1): accept it and
 * close the connection at once (as a server does that restarts or drops a client), accept and
 * keep it, hold it unanswered (a busy server: the client stays connecting), or reset the TCP
 * connection mid-handshake (a server killed while answering).
 */
type Answer = 'close' | 'keep' | 'hold' | 'reset'

/** By default the first connection is dropped and every reconnect is held mid-handshake. */
function droppingServer(answer: (n: number) => Answer = (n) => (n === 1 ? 'close' : 'hold')) {
  const sockets = new WebSocketServer({ noServer: true })
  const held: Duplex[] = []
  let upgrades = 0
  let onUpgrade: (() => void) | undefined
  const http: Server = createServer()
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrades++
    onUpgrade?.()
    const what = answer(upgrades)
    if (what === 'hold') held.push(socket)
    else if (what === 'reset') socket.destroy()
    else
      sockets.handleUpgrade(req, socket, head, (ws) => {
        if (what === 'close') ws.close(1012, 'restarting')
      })
  })
  return {
    listen: () =>
      new Promise<string>((done) =>
        http.listen(0, '127.0.0.1', () =>
          done(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`),
        ),
      ),
    upgrades: () => upgrades,
    /** Resolves on the next upgrade request. */
    nextUpgrade: () =>
      new Promise<void>((done) => {
        onUpgrade = () => {
          onUpgrade = undefined
          done()
        }
      }),
    close: () => {
      for (const socket of held) socket.destroy()
      sockets.close()
      http.closeAllConnections()
      return new Promise<void>((done) => http.close(() => done()))
    },
  }
}

/** Collects uncaught exceptions while a test runs (an 'error' event nobody listens to is one). */
function uncaught() {
  const errors: Error[] = []
  const listener = (error: Error) => errors.push(error)
  process.on('uncaughtException', listener)
  return { errors, stop: () => process.off('uncaughtException', listener) }
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms))

describe('the client socket shutting down around a reconnect', () => {
  let cleanup: (() => Promise<void>) | undefined
  afterEach(async () => {
    await cleanup?.()
    cleanup = undefined
  })

  it('shuts down without an uncaught error while its reconnect is still connecting', async () => {
    const server = droppingServer()
    const url = await server.listen()
    const caught = uncaught()
    cleanup = async () => {
      caught.stop()
      await server.close()
    }
    const reconnecting = server.nextUpgrade().then(() => server.nextUpgrade())
    const repo = createNodeRepo({ network: [new ClientSocketAdapter(url, 50)] })
    // The first connection was dropped by the server; the second is held mid-handshake.
    await reconnecting
    await repo.shutdown()
    // ws reports closing a connecting socket on the next tick; give it a few.
    await pause(100)
    expect(caught.errors.map((error) => error.message)).toEqual([])
  })

  it('does not reconnect after it was shut down', async () => {
    const server = droppingServer()
    const url = await server.listen()
    cleanup = () => server.close()
    const adapter = new ClientSocketAdapter(url, 50)
    const repo = createNodeRepo({ network: [adapter] })
    // Registered after the adapter's own listener: when it runs, the adapter has scheduled
    // its reconnect.
    await new Promise<void>((done) => {
      const check = () => {
        if (!adapter.socket) return setTimeout(check, 5)
        adapter.socket.addEventListener('close', () => done())
      }
      check()
    })
    await repo.shutdown()
    await pause(250)
    expect(server.upgrades()).toBe(1)
  })

  it('retries after the server reset the connection mid-handshake, without an uncaught error', async () => {
    const server = droppingServer((n) => (n === 1 ? 'reset' : 'keep'))
    const url = await server.listen()
    const caught = uncaught()
    const repo = createNodeRepo({ network: [new ClientSocketAdapter(url, 50)] })
    cleanup = async () => {
      caught.stop()
      await repo.shutdown()
      await server.close()
    }
    await server.nextUpgrade().then(() => server.nextUpgrade())
    expect(caught.errors.map((error) => error.message)).toEqual([])
  })
})
