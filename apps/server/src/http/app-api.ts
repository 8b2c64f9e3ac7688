import type { IncomingMessage, ServerResponse } from 'node:http'
import { issueCodes, TroupeValidationError } from '@troupe/core'
import type { AppScope } from '@troupe/documents'
import type { PublishedApps } from '../publish/published-apps'
import { BodyError, readJsonBody } from './body'
import { sendJson } from './respond'

/** Answers a refused publish, rollback or lookup with its TRP codes (actor and JSON path). */
export function sendRefusal(res: ServerResponse, error: unknown): void {
  if (error instanceof BodyError) {
    sendJson(res, error.status, { code: issueCodes.invalidAppEvent, message: error.message })
    return
  }
  if (!(error instanceof TroupeValidationError)) throw error
  const [first] = error.issues
  const notFound =
    first?.code === issueCodes.unknownApp ||
    first?.code === issueCodes.unknownVersion ||
    first?.code === issueCodes.projectNotFound
  // One issue keeps its own code; a broken project is refused as a whole (TRP-300) with its issues.
  const code =
    error.issues.length === 1 && first?.code.startsWith('TRP-3')
      ? first.code
      : issueCodes.publishRefused
  const message =
    code === issueCodes.publishRefused
      ? `${code} The project has problems; fix them and publish again:\n${error.message}`
      : error.message
  sendJson(res, notFound ? 404 : 422, { code, message, issues: error.issues })
}

/**
 * The owner's publishing API (behind the login, see routes.ts):
 * - `POST /api/apps` `{ project, slug, note?, scope? }`: publish; 201 with the app's paths and,
 *   on the first publish only, its app key.
 * - `GET /api/apps?project=<url>`: the apps (published from that project).
 * - `GET /api/apps/<slug>`: its versions, which is live.
 * - `GET /api/apps/<slug>/diff?from=1&to=2`: what changed.
 * - `POST /api/apps/<slug>/rollback` `{ to }`: make version `to` live as a new version.
 */
export async function handleAppApi(
  apps: PublishedApps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const parts = url.pathname.split('/').slice(3).map(decodeURIComponent)
  try {
    if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) {
      if (req.method === 'POST') {
        const body = (await readJsonBody(req)) as Record<string, unknown>
        const published = await apps.publish({
          project: String(body.project ?? ''),
          slug: String(body.slug ?? ''),
          ...(typeof body.note === 'string' && body.note ? { note: body.note } : {}),
          ...(typeof body.scope === 'string' ? { scope: body.scope as AppScope } : {}),
        })
        return sendJson(res, 201, published)
      }
      const project = url.searchParams.get('project')
      // An app whose record cannot be loaded is left out rather than failing the whole list.
      const loaded = await Promise.all(
        apps.slugs().map((slug) => apps.summary(slug).catch(() => undefined)),
      )
      const summaries = loaded.filter((app) => app !== undefined)
      return sendJson(
        res,
        200,
        summaries.filter((app) => !project || app.projectUrl === project),
      )
    }
    const [slug = '', action] = parts
    if (parts.length === 1 && req.method === 'GET')
      return sendJson(res, 200, await apps.summary(slug))
    if (action === 'diff' && parts.length === 2 && req.method === 'GET') {
      const from = Number(url.searchParams.get('from'))
      const to = Number(url.searchParams.get('to'))
      return sendJson(res, 200, await apps.diff(slug, from, to))
    }
    if (action === 'rollback' && parts.length === 2 && req.method === 'POST') {
      const body = (await readJsonBody(req)) as Record<string, unknown>
      const number = await apps.rollback(slug, Number(body.to))
      return sendJson(res, 200, { slug, number, live: number })
    }
    sendJson(res, 404, { message: 'No such API' })
  } catch (error) {
    sendRefusal(res, error)
  }
}
