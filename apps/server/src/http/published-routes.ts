import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { issueCodes } from '@troupe/core'
import { renderPlayerPage } from '@troupe/styles'
import { readPlayerBuild } from '@troupe/styles/node'
import type { PublishedApps } from '../publish/published-apps'
import { send, serveAsset } from '../static'
import { sendRefusal } from './app-api'
import { handleIntegration } from './integration'
import { sendJson } from './respond'

export interface PublishedContext {
  apps: PublishedApps
  /** The built player (apps/player/dist). */
  playerDir: string
}

/**
 * What anyone may open, no login: a published app's page (`/apps/<slug>` live,
 * `/apps/<slug>/v/<n>` one version), the player's assets (`/player/assets/…`), and the
 * integration API of shared-scope apps, which needs the app key instead
 * (`/apps/<slug>/actors/<id>[/events]`). Returns false for any other path.
 */
export function handlePublished(
  ctx: PublishedContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): boolean {
  const path = url.pathname
  if (path.startsWith('/player/assets/')) {
    serveAsset(join(ctx.playerDir, 'assets'), path.slice('/player/assets/'.length), res)
    return true
  }
  if (!path.startsWith('/apps/')) return false
  const parts = path.slice('/apps/'.length).replace(/\/$/, '').split('/').map(safeDecode)
  const [slug = '', kind, rest] = parts
  if (kind === 'actors' && rest !== undefined) {
    void handleIntegration(ctx.apps, req, res, slug, parts.slice(2)).catch((error) =>
      sendRefusal(res, error),
    )
    return true
  }
  const page = parts.length === 1 ? undefined : kind === 'v' && parts.length === 3 ? rest : null
  if (page === null || (req.method !== 'GET' && req.method !== 'HEAD')) {
    sendJson(res, 404, { code: issueCodes.unknownApp, message: 'No such page' })
    return true
  }
  const number = page === undefined ? undefined : Number(page)
  if (number !== undefined && !Number.isInteger(number)) {
    sendJson(res, 404, { code: issueCodes.unknownVersion, message: `no version "${page}"` })
    return true
  }
  void servePage(ctx, res, slug, number).catch((error) => sendRefusal(res, error))
  return true
}

async function servePage(
  ctx: PublishedContext,
  res: ServerResponse,
  slug: string,
  number: number | undefined,
): Promise<void> {
  const build = playerBuild(ctx.playerDir)
  if (!build) {
    return send(
      res,
      503,
      'text/plain; charset=utf-8',
      `${issueCodes.playerNotBuilt} The player is not built (no index.html in ${ctx.playerDir}). Run \`pnpm --filter @troupe/player build\` (npm start does it).`,
    )
  }
  const app = await ctx.apps.playable(slug, number)
  const html = renderPlayerPage(
    build.template,
    {
      slug,
      version: app.number,
      scope: app.scope,
      ...(app.scope === 'shared' ? { instanceUrl: app.instanceUrl } : {}),
      definition: app.definition,
    },
    app.css,
    {
      assetBase: '/player/assets/',
      title: app.definition.name,
      ...(build.wasm ? { wasm: build.wasm } : {}),
    },
  )
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
  res.end(html)
}

let cached: { dir: string; build: ReturnType<typeof readPlayerBuild> & object } | undefined

/** The player's build (read once per folder), or undefined when it is not built. */
function playerBuild(dir: string) {
  if (cached?.dir === dir) return cached.build
  const build = readPlayerBuild(dir)
  if (build) cached = { dir, build }
  return build
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return ''
  }
}
