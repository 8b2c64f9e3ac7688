import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Serves the built studio. A path that names no file and has no extension (`/p/<id>`) gets
 * index.html, so the studio's own routing handles it; a missing asset stays a 404 so a broken
 * build shows up as such instead of as HTML parsed as JavaScript.
 */
export function serveStudio(studioDir: string, req: IncomingMessage, res: ServerResponse): void {
  const root = resolve(studioDir)
  const index = join(root, 'index.html')
  if (!existsSync(index)) {
    notBuilt(res, root)
    return
  }
  const pathname = decodePath(new URL(req.url ?? '/', 'http://x').pathname)
  if (pathname === undefined) {
    send(res, 400, 'text/plain; charset=utf-8', 'Bad path')
    return
  }
  const file = resolve(root, `.${normalize(pathname)}`)
  // normalize + resolve under root; anything that escapes root is treated as not found.
  const inside = file === root || file.startsWith(root + sep)
  if (inside && isFile(file)) sendFile(res, file, pathname.startsWith('/assets/'))
  else if (extname(pathname)) send(res, 404, 'text/plain; charset=utf-8', 'Not found')
  else sendFile(res, index, false)
}

/**
 * Serves one content-hashed asset (e.g. the player's `/player/assets/…`) from `root`, or 404.
 * The name is resolved under root, so nothing outside it can be reached.
 */
export function serveAsset(root: string, name: string, res: ServerResponse): void {
  const base = resolve(root)
  const decoded = decodePath(name)
  const file = decoded === undefined ? '' : resolve(base, `.${normalize(`/${decoded}`)}`)
  if (file.startsWith(base + sep) && isFile(file)) sendFile(res, file, true)
  else send(res, 404, 'text/plain; charset=utf-8', 'Not found')
}

function sendFile(res: ServerResponse, file: string, immutable: boolean): void {
  res.writeHead(200, {
    'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    // Vite puts content hashes in asset names, so they never change; index.html always may.
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    // The app preview runs in a sandboxed frame with an opaque origin ("null"), so its module
    // scripts are cross-origin requests; assets are public and fetched without credentials.
    ...(immutable ? { 'access-control-allow-origin': '*' } : {}),
  })
  createReadStream(file).pipe(res)
}

function notBuilt(res: ServerResponse, root: string): void {
  const message = `The Troupe studio is not built (no index.html in ${root}). Run \`npm start\`, which builds the studio and starts the server.`
  send(
    res,
    503,
    'text/html; charset=utf-8',
    `<!doctype html><meta charset="utf-8"><title>Troupe: studio not built</title><h1>Troupe: studio not built</h1><p>${escapeHtml(message)}</p>`,
  )
}

export function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function decodePath(path: string): string | undefined {
  try {
    const decoded = decodeURIComponent(path)
    return decoded.includes('\0') ? undefined : decoded
  } catch {
    return undefined
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
}
