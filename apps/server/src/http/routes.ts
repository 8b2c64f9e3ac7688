import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { issueCodes } from '@troupe/core'
import type { DocumentSnapshot } from '@troupe/documents'
import type { OwnerSession } from '../access/session'
import { type Logger, redactUrl } from '../logger'
import { send, serveStudio } from '../static'
import { handleAppApi } from './app-api'
import { handlePublished, type PublishedContext } from './published-routes'
import { sendJson } from './respond'

export interface HttpContext {
  session: OwnerSession
  studioDir: string
  log: Logger
  /** The URL of the owner's workspace document (the projects list), created on first use. */
  workspaceUrl?: () => Promise<string>
  published: PublishedContext
  /** A document as Automerge saved it, or null when the server has none by that id. */
  documentSnapshot?: (documentId: string) => Promise<DocumentSnapshot | null>
}

/** A request id from a proxy in front of us when it looks sane, else a fresh one. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id']
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID()
}

/**
 * Every HTTP route: /health (liveness, open to all), the login link (`?token=` on any page),
 * /api/session and every other /api/ route behind the owner's login, and the studio's static
 * files, which anyone may load (they hold no data; the studio asks /api/session and shows
 * how to log in).
 */
export function handleRequest(ctx: HttpContext, req: IncomingMessage, res: ServerResponse) {
  const id = requestId(req)
  const started = performance.now()
  const log = ctx.log.child({ reqId: id })
  res.setHeader('x-request-id', id)
  res.on('finish', () =>
    log.info(
      {
        method: req.method,
        url: redactUrl(req.url),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      },
      'request',
    ),
  )

  const url = new URL(req.url ?? '/', 'http://x')
  const path = url.pathname
  if (path === '/health') return sendJson(res, 200, { ok: true })
  if (path === '/api/session') {
    if (ctx.session.isOwner(req)) return sendJson(res, 200, { role: 'owner' })
    return sendJson(res, 401, loginRequired)
  }
  if (path.startsWith('/api/')) {
    if (!ctx.session.isOwner(req)) return sendJson(res, 401, loginRequired)
    if (path === '/api/workspace' && ctx.workspaceUrl) return sendWorkspace(ctx, res, log)
    const snapshotOf = /^\/api\/documents\/([A-Za-z0-9]+)$/.exec(path)?.[1]
    if (snapshotOf && ctx.documentSnapshot) return sendSnapshot(ctx, snapshotOf, res)
    if (path === '/api/apps' || path.startsWith('/api/apps/'))
      return void handleAppApi(ctx.published.apps, req, res, url)
    return sendJson(res, 404, { message: 'No such API' })
  }
  if (handlePublished(ctx.published, req, res, url)) return
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
  if (url.searchParams.has('token')) return login(ctx, req, res, url, log)
  serveStudio(ctx.studioDir, req, res)
}

const loginRequired = {
  code: issueCodes.loginRequired,
  message: `${issueCodes.loginRequired} Log in with the link the Troupe server printed when it started (http://…/?token=…).`,
}

/** The printed login link: a right token sets the session cookie and redirects without it. */
function login(ctx: HttpContext, req: IncomingMessage, res: ServerResponse, url: URL, log: Logger) {
  if (!ctx.session.isToken(url.searchParams.get('token'))) {
    log.warn({ code: issueCodes.loginLinkInvalid }, 'login with a wrong token')
    return send(
      res,
      401,
      'text/html; charset=utf-8',
      `<!doctype html><meta charset="utf-8"><title>Troupe: login link not valid</title><h1>This login link is not valid</h1><p>${issueCodes.loginLinkInvalid}: use the link the Troupe server printed when it started (it is also in the server's data folder, file <code>owner-token</code>).</p>`,
    )
  }
  url.searchParams.delete('token')
  const secure = 'encrypted' in req.socket && Boolean(req.socket.encrypted)
  res.writeHead(303, {
    location: url.pathname + url.search,
    'set-cookie': ctx.session.cookie(secure),
    'cache-control': 'no-store',
  })
  res.end()
  log.info('owner logged in')
}

/** GET /api/workspace: `{ url }` of the owner's projects list (an Automerge document). */
function sendWorkspace(ctx: HttpContext, res: ServerResponse, log: Logger) {
  ctx.workspaceUrl!().then(
    (url) => sendJson(res, 200, { url }),
    (error: unknown) => {
      log.error({ code: issueCodes.storageFailed, err: error }, 'could not create the workspace')
      sendJson(res, 500, {
        code: issueCodes.storageFailed,
        message: `${issueCodes.storageFailed} The projects list could not be stored; check free space and permissions of the data folder.`,
      })
    },
  )
}

/**
 * GET /api/documents/<id>: the document's saved bytes, so the studio opens a project it has
 * never held with one Automerge load instead of a whole-document sync (repo/snapshot.ts in
 * @troupe/documents). The owner's documents only: it is under the /api/ login. A project's
 * answer names its instance document in a `troupe-instance` header.
 */
function sendSnapshot(ctx: HttpContext, documentId: string, res: ServerResponse) {
  ctx.documentSnapshot!(documentId).then(
    (snapshot) => {
      if (!snapshot) return sendJson(res, 404, { message: `No document ${documentId}` })
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': snapshot.bytes.byteLength,
        'cache-control': 'no-store',
        // A project's instance: the studio asks for it as soon as it has these headers.
        ...(snapshot.instanceId ? { 'troupe-instance': snapshot.instanceId } : {}),
      })
      res.end(snapshot.bytes)
    },
    () => sendJson(res, 404, { message: `No document ${documentId}` }),
  )
}
