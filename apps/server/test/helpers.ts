import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { createNodeRepo, type Repo } from '@troupe/documents/node'
import pino, { type Logger } from 'pino'
import { afterAll, afterEach, beforeAll } from 'vitest'
import WebSocket from 'ws'
import { type RunningServer, type ServerOptions, startServer } from '../src/server'

export interface TempDir {
  path: string
  remove: () => void
}

/** A fresh folder under the OS temp dir, removed by the returned function. */
export function tempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), `troupe-${prefix}-`))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/**
 * Bounds for tests that wait on a real server, its sockets and its disk: they wait on
 * conditions (whenSynced, whenDoc, a log line), so the bound only decides how long a loaded
 * machine may take; a fast machine finishes in well under a second either way.
 */
export const NETWORK_TIMEOUT_MS = 60_000
/** `describe(name, overTheNetwork, …)`: NETWORK_TIMEOUT_MS for each of the block's tests. */
export const overTheNetwork = { timeout: NETWORK_TIMEOUT_MS }

export interface BlockServer {
  /** The running server, from the block's first beforeAll on. */
  server: RunningServer
  /** Its data folder. */
  data: TempDir
  /** A client repo syncing through `syncUrl` (the owner's by default), shut down after the block. */
  client(syncUrl?: string, options?: { peerId?: string; syncThrottleMs?: number }): Repo
  /** Shuts a client down now (its connection drops), not again after the block. */
  shutdownClient(repo: Repo): Promise<void>
}

/**
 * A real server for the describe block it is called in: on a free port over a fresh data
 * folder, started before the block's tests; after them its clients are shut down, then the
 * server is closed and its folder removed.
 */
export function serverForBlock(
  prefix: string,
  options: Omit<ServerOptions, 'port' | 'dataDir'> = {},
): BlockServer {
  const repos: Repo[] = []
  const block: BlockServer = {
    server: undefined as unknown as RunningServer,
    data: tempDir(prefix),
    client(syncUrl = block.server.ownerSyncUrl, { peerId, syncThrottleMs } = {}) {
      const repo = createNodeRepo({
        syncUrl,
        ...(peerId ? { peerId } : {}),
        ...(syncThrottleMs === undefined ? {} : { syncThrottleMs }),
      })
      repos.push(repo)
      return repo
    },
    shutdownClient(repo) {
      repos.splice(repos.indexOf(repo), 1)
      return repo.shutdown()
    },
  }
  beforeAll(async () => {
    block.server = await startServer({ ...options, port: 0, dataDir: block.data.path })
  }, NETWORK_TIMEOUT_MS)
  afterAll(async () => {
    await Promise.all(repos.splice(0).map((repo) => repo.shutdown()))
    await block.server?.close()
    block.data.remove()
  }, NETWORK_TIMEOUT_MS)
  return block
}

/**
 * Client repos for tests that start and restart servers themselves: each repo is shut down
 * after the test that made it.
 */
export function clientsPerTest(): (syncUrl: string) => Repo {
  const repos: Repo[] = []
  afterEach(async () => {
    await Promise.all(repos.splice(0).map((repo) => repo.shutdown()))
  }, NETWORK_TIMEOUT_MS)
  return (syncUrl) => {
    const repo = createNodeRepo({ syncUrl })
    repos.push(repo)
    return repo
  }
}

export interface LogLine {
  level: number
  msg: string
  code?: string
  [key: string]: unknown
}

/** A real pino logger whose lines the test can read and wait for. */
export function captureLogs(): {
  logger: Logger
  lines: LogLine[]
  waitFor(test: (line: LogLine) => boolean): Promise<LogLine>
} {
  const lines: LogLine[] = []
  const waiters: { test: (line: LogLine) => boolean; done: (line: LogLine) => void }[] = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      const line = JSON.parse(chunk.toString()) as LogLine
      lines.push(line)
      for (const waiter of [...waiters]) {
        if (waiter.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.done(line)
        }
      }
      callback()
    },
  })
  return {
    logger: pino({ level: 'debug' }, stream),
    lines,
    waitFor: (test) =>
      new Promise((done) => {
        const seen = lines.find(test)
        if (seen) return done(seen)
        waiters.push({ test, done })
      }),
  }
}

export type Opened =
  | { kind: 'open'; socket: WebSocket }
  | { kind: 'refused'; status: number; body: string }

/** Opens a raw websocket; resolves with the socket, or with the HTTP refusal and its body. */
export function openSocket(url: string, headers: Record<string, string> = {}): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers })
    socket.once('open', () => resolve({ kind: 'open', socket }))
    socket.once('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString()
      })
      res.on('end', () => resolve({ kind: 'refused', status: res.statusCode ?? 0, body }))
    })
    socket.once('error', (error) => reject(error))
  })
}

/** Resolves with the close code (and reason) the server closed the socket with. */
export function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
}
