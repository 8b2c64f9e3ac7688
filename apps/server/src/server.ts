import { mkdirSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { issueCodes } from '@troupe/core'
import { documentSnapshot } from '@troupe/documents'
import {
  createServerRepo,
  holdDataFolder,
  type Repo,
  type SyncLimits,
} from '@troupe/documents/node'
import { WebSocketServer } from 'ws'
import type { VisitorGrants } from './access/policy'
import { OwnerSession } from './access/session'
import { ensureOwnerToken } from './access/token'
import { handleRequest } from './http/routes'
import { type Logger, silentLogger } from './logger'
import { PublishedApps } from './publish/published-apps'
import { createUpgradeHandler } from './sync/upgrade'
import { workspaceLocator } from './workspace'

export interface ServerLimits extends SyncLimits {
  /** Open sync connections one address may hold (every tab is one). */
  maxConnectionsPerClient: number
}

export const defaultServerLimits = { maxConnectionsPerClient: 64 }

export interface ServerOptions {
  /** 0 picks a free port (tests). */
  port: number
  /** 127.0.0.1 by default: nothing outside this machine can connect unless asked for. */
  host?: string
  /** Where documents and the owner token are stored; created if missing. */
  dataDir?: string
  /** The built studio (Vite output). */
  studioDir?: string
  /** The built player of published apps (Vite output). */
  playerDir?: string
  limits?: Partial<ServerLimits>
  /** Published apps' visitor grants by slug (issue 6); none by default. */
  visitorGrants?: VisitorGrants
  /** fsync every write before acknowledging it (default true). */
  fsync?: boolean
  /** automerge-repo's background save delay; see createServerRepo. */
  saveDebounceMs?: number
  /** Keep-alive: ping every keepAliveMs (default 5 s), drop after keepAliveMisses unanswered pings in a row (default 3). */
  keepAliveMs?: number
  keepAliveMisses?: number
  /** Structured logs; silent by default (main.ts passes one that writes to stdout). */
  logger?: Logger
}

export interface RunningServer {
  /** Address to connect to, e.g. http://127.0.0.1:4321. */
  url: string
  /** Address to show people, e.g. http://localhost:4321. */
  displayUrl: string
  /** Open this once in a browser to log it in as the owner. Keep it private. */
  loginUrl: string
  /** Websocket sync endpoint, e.g. ws://127.0.0.1:4321/sync (needs a login). */
  syncUrl: string
  /** The sync endpoint with the owner token in it, for programs (CLI, tests, benchmarks). */
  ownerSyncUrl: string
  ownerToken: string
  /** True when this start created the owner token (the first start on this data folder). */
  tokenCreated: boolean
  port: number
  repo: Repo
  /** The published apps (issue 6): publish, versions, rollback. */
  apps: PublishedApps
  /** Stops accepting connections, writes every document to disk, then resolves. */
  close(): Promise<void>
}

export const defaultStudioDir = fileURLToPath(new URL('../../studio/dist', import.meta.url))
export const defaultPlayerDir = fileURLToPath(new URL('../../player/dist', import.meta.url))

/**
 * The Troupe server: the automerge-repo sync endpoint at /sync behind the owner's login and
 * the access policy, documents stored crash-safely under dataDir, the built studio at /
 * (with SPA fallback), /api/session and /health.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir ?? './data')
  mkdirSync(dataDir, { recursive: true })
  // Another server process on the same folder is refused (TRP-613); restore checks it too.
  const releaseDataFolder = holdDataFolder(dataDir)
  try {
    return await serve(options, dataDir, releaseDataFolder)
  } catch (error) {
    releaseDataFolder()
    throw error
  }
}

async function serve(
  options: ServerOptions,
  dataDir: string,
  releaseDataFolder: () => void,
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const studioDir = options.studioDir ?? defaultStudioDir
  const playerDir = options.playerDir ?? defaultPlayerDir
  const log = options.logger ?? silentLogger()
  const { maxConnectionsPerClient, ...syncLimits } = {
    ...defaultServerLimits,
    ...options.limits,
  }
  const { token, created } = ensureOwnerToken(dataDir)

  const {
    repo,
    sync,
    storage,
    close: closeRepo,
  } = await createServerRepo({
    dataDir,
    limits: syncLimits,
    ...(options.fsync === undefined ? {} : { fsync: options.fsync }),
    ...(options.saveDebounceMs === undefined ? {} : { saveDebounceMs: options.saveDebounceMs }),
    ...(options.keepAliveMs === undefined ? {} : { keepAliveMs: options.keepAliveMs }),
    ...(options.keepAliveMisses === undefined ? {} : { keepAliveMisses: options.keepAliveMisses }),
    onCorrupt: (file) =>
      log.error(
        { code: issueCodes.corruptFile, ...file },
        `${issueCodes.corruptFile} a damaged file in the data folder was moved aside; the rest of the document and every other document still load`,
      ),
    onRefused: (connection, refusal) =>
      log.warn({ reqId: connection, ...refusal }, `${refusal.code} ${refusal.reason}`),
    onStorageError: (documentId, error) =>
      log.error(
        { code: issueCodes.storageFailed, documentId, err: error },
        `${issueCodes.storageFailed} could not write a document; its changes are not acknowledged`,
      ),
  })
  const apps = await PublishedApps.open(repo, dataDir)
  const sockets = new WebSocketServer({ noServer: true, maxPayload: sync.limits.maxMessageBytes })

  // The port is known only after listen; the session (its cookie name) needs it, so the
  // handlers look it up when the first request arrives.
  let session: OwnerSession | undefined
  const workspaceUrl = workspaceLocator(repo, dataDir)
  const http = createServer((req, res) =>
    handleRequest(
      {
        session: session as OwnerSession,
        studioDir,
        log,
        workspaceUrl,
        published: { apps, playerDir },
        documentSnapshot: (documentId) => documentSnapshot(repo, documentId),
      },
      req,
      res,
    ),
  )
  let upgrade: ReturnType<typeof createUpgradeHandler> | undefined
  http.on('upgrade', (req, socket, head) => upgrade?.(req, socket, head))

  await new Promise<void>((done, fail) => {
    http.once('error', fail)
    http.listen(options.port, host, () => {
      http.off('error', fail)
      done()
    })
  })
  const { port } = http.address() as AddressInfo
  session = new OwnerSession(token, port)
  upgrade = createUpgradeHandler({
    session,
    sockets,
    sync,
    visitorGrants: options.visitorGrants ?? apps.grant,
    maxConnectionsPerClient,
    log,
  })

  // Report damaged files now rather than when someone opens the document; the server is
  // already serving meanwhile.
  void storage.checkAll().then(
    (result) => log.info(result, 'data folder checked'),
    (error: unknown) => log.error({ err: error }, 'data folder check failed'),
  )

  const urlHost = host.includes(':') ? `[${host}]` : host
  const loopback = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host)
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : urlHost}:${port}`
  const displayUrl = loopback ? `http://localhost:${port}` : url
  const syncUrl = `${url.replace(/^http/, 'ws')}/sync`

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      // Stop new work first, then write what the repo holds, then drop the sockets.
      http.close()
      await apps.close()
      await closeRepo()
      for (const client of sockets.clients) client.terminate()
      sockets.close()
      http.closeAllConnections()
      releaseDataFolder()
    })()
    return closing
  }

  return {
    url,
    displayUrl,
    loginUrl: `${displayUrl}/?token=${token}`,
    syncUrl,
    ownerSyncUrl: `${syncUrl}?token=${token}`,
    ownerToken: token,
    tokenCreated: created,
    port,
    repo,
    apps,
    close,
  }
}
