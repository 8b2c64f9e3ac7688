import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { issueCodes } from '@troupe/core'
import type { GuardedSocketAdapter, SyncGate, SyncSocket } from '@troupe/documents/node'
import type { WebSocketServer } from 'ws'
import { gateFor, type VisitorGrants } from '../access/policy'
import type { OwnerSession } from '../access/session'
import { refuseUpgrade } from '../http/respond'
import { requestId } from '../http/routes'
import { type Logger, redactUrl } from '../logger'

export interface UpgradeContext {
  session: OwnerSession
  sockets: WebSocketServer
  sync: GuardedSocketAdapter
  visitorGrants: VisitorGrants
  maxConnectionsPerClient: number
  log: Logger
}

/**
 * The door to /sync. Decides who is connecting before the websocket exists: the owner
 * (cookie, bearer token or `?token=`), a published app's visitor (`?app=<slug>`, with the
 * grant that app has), or nobody (401). Refuses cross-site pages (their Origin is not this
 * host) and more than `maxConnectionsPerClient` open sockets from one address.
 */
export function createUpgradeHandler(ctx: UpgradeContext) {
  const perClient = new Map<string, number>()

  return (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that resets mid-handshake must not take the server down.
    socket.on('error', () => socket.destroy())
    const id = requestId(req)
    const log = ctx.log.child({ reqId: id })
    const url = new URL(req.url ?? '/', 'http://x')
    const client = req.socket.remoteAddress ?? 'unknown'
    const refuse = (status: number, code: string, message: string) => {
      log.warn({ url: redactUrl(req.url), client, status, code }, message)
      refuseUpgrade(socket, status, code, `${code} ${message}`)
    }
    if (url.pathname !== '/sync') return refuse(404, 'not-found', 'no websocket here')

    const origin = req.headers.origin
    if (origin && safeHost(origin) !== req.headers.host)
      return refuse(
        403,
        issueCodes.crossOrigin,
        'a page from another site may not open the sync connection',
      )

    let gate: SyncGate | undefined
    if (ctx.session.isOwner(req, { allowQueryToken: true })) gate = gateFor('owner')
    else {
      const app = url.searchParams.get('app')
      const grant = app ? ctx.visitorGrants(app) : undefined
      if (app && grant) gate = gateFor('visitor', app, () => ctx.visitorGrants(app))
    }
    if (!gate)
      return refuse(
        401,
        issueCodes.loginRequired,
        'login required: open the login link the server printed, or send the owner token',
      )

    const open = perClient.get(client) ?? 0
    if (open >= ctx.maxConnectionsPerClient)
      return refuse(
        429,
        issueCodes.tooManyConnections,
        `too many sync connections from ${client} (limit ${ctx.maxConnectionsPerClient})`,
      )

    const granted = gate
    ctx.sockets.handleUpgrade(req, socket, head, (ws) => {
      perClient.set(client, (perClient.get(client) ?? 0) + 1)
      ws.on('close', (code, reason) => {
        const left = (perClient.get(client) ?? 1) - 1
        if (left > 0) perClient.set(client, left)
        else perClient.delete(client)
        log.info({ code, reason: reason.toString() }, 'sync connection closed')
      })
      log.info({ client, principal: granted.principal }, 'sync connection opened')
      ctx.sync.accept(ws as unknown as SyncSocket, granted, id)
    })
  }
}

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host
  } catch {
    return undefined
  }
}
