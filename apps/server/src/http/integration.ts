import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  effectiveChildren,
  effectiveContext,
  findUnsafeKeys,
  formatPath,
  issueCodes,
  type Json,
} from '@troupe/core'
import { instanceState } from '@troupe/documents'
import type { PublishedApps } from '../publish/published-apps'
import { readJsonBody } from './body'
import { sendJson } from './respond'

/**
 * The integration API of a shared-scope app, for other programs, behind the app key
 * (`Authorization: Bearer <key>`, created at the first publish):
 * - `POST /apps/<slug>/actors/<id>/events` `{ event, payload? }`: the actor raises the event;
 *   it is delivered along the actor's subscriptions by the same runtime the player and the
 *   studio use (`raiseEvent`, one change of the shared instance), so every visitor sees it.
 * - `GET /apps/<slug>/actors/<id>`: the actor's context (as its view sees it) and children.
 */
export async function handleIntegration(
  apps: PublishedApps,
  req: IncomingMessage,
  res: ServerResponse,
  slug: string,
  rest: string[],
): Promise<void> {
  const [actorId = '', action] = rest
  const auth = req.headers.authorization
  const key = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : ''
  if (!key || !(await apps.keyMatches(slug, key)))
    return sendJson(res, 401, {
      code: issueCodes.appKeyRequired,
      message: `${issueCodes.appKeyRequired} send the app key shown when "${slug}" was first published: Authorization: Bearer <key>`,
    })
  const { definition, live } = await apps.sharedInstance(slug)
  if (!Object.hasOwn(definition.actors, actorId))
    return sendJson(res, 404, {
      code: issueCodes.unknownAppActor,
      message: `${issueCodes.unknownAppActor} the live version of "${slug}" has no actor "${actorId}"`,
      actorId,
    })

  if (rest.length === 1 && req.method === 'GET') {
    const state = instanceState(live.epoch.doc())
    return sendJson(res, 200, {
      actorId,
      context: effectiveContext(definition, state, actorId),
      children: effectiveChildren(definition, state, actorId),
    })
  }
  if (action !== 'events' || rest.length !== 2 || req.method !== 'POST')
    return sendJson(res, 404, { message: 'No such API' })

  const body = (await readJsonBody(req, 256_000)) as Record<string, unknown>
  const event = body?.event
  if (typeof event !== 'string' || !event)
    return badEvent(res, actorId, ['event'], 'send { "event": "name", "payload": … }')
  const unsafe = findUnsafeKeys(body.payload, ['payload'])
  if (unsafe[0])
    return badEvent(res, actorId, unsafe[0], `the key at ${formatPath(unsafe[0])} is not allowed`)
  const [result] = live.raise(definition, [
    {
      from: actorId,
      event,
      ...(body.payload === undefined ? {} : { payload: body.payload as Json }),
    },
  ])
  sendJson(res, 200, result)
}

function badEvent(
  res: ServerResponse,
  actorId: string,
  path: (string | number)[],
  message: string,
): void {
  sendJson(res, 400, {
    code: issueCodes.invalidAppEvent,
    message: `${issueCodes.invalidAppEvent} ${message}`,
    actorId,
    path,
  })
}
