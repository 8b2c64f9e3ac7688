import { spawnSync } from 'node:child_process'
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser } from './harness'

/**
 * The static export runs with no Troupe server: `troupe export` writes the bundle, a plain
 * Node static file server (no Troupe code) serves it, Chromium runs it; the state is the
 * visitor's own and survives a reload.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const out = mkdtempSync(join(tmpdir(), 'troupe-export-'))
let files: Server
let browser: Browser

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
}

beforeAll(async () => {
  const run = spawnSync(
    join(repoRoot, 'node_modules/.bin/tsx'),
    [
      'packages/cli/src/main.ts',
      'export',
      'packages/cli/fixtures/header/project.json',
      '--out',
      out,
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  )
  if (run.status !== 0) throw new Error(`export failed: ${run.stderr}`)
  files = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    const file = join(out, path.endsWith('/') ? `${path}index.html` : path)
    if (!file.startsWith(out) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((done) => files.listen(0, '127.0.0.1', done))
  browser = await launchBrowser({ login: false })
})

afterAll(async () => {
  await browser?.close()
  files?.close()
  rmSync(out, { recursive: true, force: true })
})

test('the exported bundle runs from a plain static server and keeps per-visitor state', async () => {
  const { port } = files.address() as AddressInfo
  const page = await (await browser.newContext()).newPage()
  await page.goto(`http://127.0.0.1:${port}/`)
  await page.getByRole('heading', { name: 'My App' }).waitFor()
  expect(await page.getByRole('link', { name: 'Home' }).count()).toBe(0)
  await page.getByRole('button', { name: 'Menu' }).click()
  await page.getByRole('link', { name: 'Home' }).waitFor()
  // Styled by the bundle's own app.css (border-b on the header).
  const border = await page
    .locator('header')
    .evaluate((el) => getComputedStyle(el).borderBottomStyle)
  expect(border).toBe('solid')
  await page.reload()
  await page.getByRole('link', { name: 'Home' }).waitFor()
})
