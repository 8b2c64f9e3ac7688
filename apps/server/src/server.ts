import { mkdirSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServerRepo, type SyncSocketServer } from '@troupe/documents/node'
import { WebSocketServer } from 'ws'
import { send, serveStudio } from './static'

export interface ServerOptions {
  /** 0 picks a free port (tests). */
  port: number
  /** 127.0.0.1 by default: nothing outside this machine can connect unless asked for. */
  host?: string
  /** Where documents are stored; created if missing. */
  dataDir?: string
  /** The built studio (Vite output). */
  studioDir?: string
}

export interface RunningServer {
  /** Address to connect to, e.g. http://127.0.0.1:4321. */
  url: string
  /** Address to show people, e.g. http://localhost:4321. */
  displayUrl: string
  /** Websocket sync endpoint, e.g. ws://127.0.0.1:4321/sync. */
  syncUrl: string
  port: number
  /** Stops accepting connections, writes every document to disk, then resolves. */
  close(): Promise<void>
}

export const defaultStudioDir = fileURLToPath(new URL('../../studio/dist', import.meta.url))

/**
 * The Troupe server: the automerge-repo sync endpoint at /sync with documents stored under
 * dataDir, the built studio at / (with SPA fallback), and /health.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const dataDir = resolve(options.dataDir ?? './data')
  const studioDir = options.studioDir ?? defaultStudioDir
  mkdirSync(dataDir, { recursive: true })

  const socketServer = new WebSocketServer({ noServer: true })
  // @types/ws and the adapter's isomorphic-ws types describe the same class differently.
  const repo = await createServerRepo({
    dataDir,
    socketServer: socketServer as unknown as SyncSocketServer,
  })

  const http = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/health') return send(res, 200, 'application/json', JSON.stringify({ ok: true }))
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    serveStudio(studioDir, req, res)
  })
  http.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/sync') return socket.destroy()
    socketServer.handleUpgrade(req, socket, head, (ws) => socketServer.emit('connection', ws, req))
  })

  await new Promise<void>((done, fail) => {
    http.once('error', fail)
    http.listen(options.port, host, () => {
      http.off('error', fail)
      done()
    })
  })
  const { port } = http.address() as AddressInfo
  const urlHost = host.includes(':') ? `[${host}]` : host
  const loopback = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host)
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : urlHost}:${port}`

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      // Stop new work first, then write what the repo holds, then drop the sockets.
      http.close()
      await repo.flush()
      await repo.shutdown()
      for (const client of socketServer.clients) client.terminate()
      socketServer.close()
      http.closeAllConnections()
    })()
    return closing
  }

  return {
    url,
    displayUrl: loopback ? `http://localhost:${port}` : url,
    syncUrl: `${url.replace(/^http/, 'ws')}/sync`,
    port,
    close,
  }
}
