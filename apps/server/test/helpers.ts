import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import pino, { type Logger } from 'pino'
import WebSocket from 'ws'

/** A fresh folder under the OS temp dir, removed by the returned function. */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `troupe-${prefix}-`))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
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
