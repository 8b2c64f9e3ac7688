import { spawn } from 'node:child_process'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { fileURLToPath } from 'node:url'
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

function droppingServer(answer: (n: number) => Answer) {
  const sockets = new WebSocketServer({ noServer: true })
  const held: Duplex[] = []
  let upgrades = 0
  let onUpgrade: (() => void) | undefined
  let onHeld: ((socket: Duplex) => void) | undefined
  const http: Server = createServer()
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrades++
    onUpgrade?.()
    const what = answer(upgrades)
    if (what === 'hold') {
      // Read on, so that the client closing its end shows here as 'close'.
      socket.resume()
      held.push(socket)
      onHeld?.(socket)
    } else if (what === 'reset') socket.destroy()
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
    /** Resolves with the next request held unanswered. */
    nextHeld: () =>
      new Promise<Duplex>((done) => {
        onHeld = (socket) => {
          onHeld = undefined
          done(socket)
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

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const childScript = fileURLToPath(new URL('./client-socket-child.ts', import.meta.url))

/**
 * Runs a scenario in a Node process of its own (client-socket-child.ts): there an 'error'
 * event nobody listens to is an uncaught exception that ends the process, as in a CLI.
 */
function runChild(mode: string, url: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, mode, url], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const done = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output: output.trim() })),
  )
  return { process: child, done }
}

describe('the client socket shutting down around a reconnect', () => {
  let cleanup: (() => Promise<void>) | undefined
  afterEach(async () => {
    await cleanup?.()
    cleanup = undefined
  })

  it('shuts down without an uncaught error while its socket is still connecting (as during a reconnect)', async () => {
    const server = droppingServer(() => 'hold')
    const url = await server.listen()
    cleanup = () => server.close()
    const held = server.nextHeld()
    const child = runChild('shutdown-connecting', url)
    await held
    child.process.stdin?.write('go\n')
    expect(await child.done).toEqual({ code: 0, output: 'shut down cleanly (socket state was 0)' })
  }, 30_000)

  it('does not reconnect after it was shut down', async () => {
    const server = droppingServer(() => 'close')
    const url = await server.listen()
    cleanup = () => server.close()
    expect(await runChild('no-reconnect', url).done).toEqual({
      code: 0,
      output: 'stayed shut down',
    })
  }, 30_000)

  it('closes the attempt it gives up on when it retries a connection that does not open', async () => {
    const server = droppingServer(() => 'hold')
    const url = await server.listen()
    const first = server.nextHeld()
    const repo = createNodeRepo({ network: [new ClientSocketAdapter(url, 100)] })
    cleanup = async () => {
      await repo.shutdown()
      await server.close()
    }
    // The first attempt hangs; when the adapter retries, the client ends the first connection
    // (before the fix it stayed open, unused, until the server gave up on it).
    const socket = await first
    const outcome = await Promise.race([
      new Promise((done) => socket.once('end', () => done('ended by the client'))),
      pause(3000).then(() => 'still open after 3 s'),
    ])
    expect(outcome).toBe('ended by the client')
  })

  it('retries after the server reset the connection mid-handshake, without an uncaught error', async () => {
    const server = droppingServer((n) => (n === 1 ? 'reset' : 'keep'))
    const url = await server.listen()
    const caught = uncaught()
    const repo = createNodeRepo({ network: [new ClientSocketAdapter(url, 200)] })
    cleanup = async () => {
      caught.stop()
      await repo.shutdown()
      await server.close()
    }
    await server.nextUpgrade().then(() => server.nextUpgrade())
    expect(caught.errors.map((error) => error.message)).toEqual([])
  })
})
