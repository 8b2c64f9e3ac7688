import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../src/server'
import { serverForBlock, tempDir } from './helpers'

describe('HTTP: health and the studio', () => {
  const studio = tempDir('studio')
  beforeAll(() => {
    writeFileSync(join(studio.path, 'index.html'), '<!doctype html><title>Troupe studio</title>')
    mkdirSync(join(studio.path, 'assets'))
    writeFileSync(join(studio.path, 'assets', 'app-123.js'), 'console.log("studio")')
  })
  const suite = serverForBlock('data', { studioDir: studio.path })
  afterAll(() => studio.remove())

  it('answers /health with { ok: true }', async () => {
    const response = await fetch(`${suite.server.url}/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
  })

  it('listens on 127.0.0.1 by default and shows a localhost address', () => {
    expect(suite.server.url).toBe(`http://127.0.0.1:${suite.server.port}`)
    expect(suite.server.displayUrl).toBe(`http://localhost:${suite.server.port}`)
    expect(suite.server.syncUrl).toBe(`ws://127.0.0.1:${suite.server.port}/sync`)
  })

  it('serves index.html at / and built assets with their type', async () => {
    const index = await fetch(`${suite.server.url}/`)
    expect(index.headers.get('content-type')).toContain('text/html')
    expect(await index.text()).toContain('Troupe studio')
    const asset = await fetch(`${suite.server.url}/assets/app-123.js`)
    expect(asset.headers.get('content-type')).toContain('text/javascript')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(await asset.text()).toBe('console.log("studio")')
  })

  it('falls back to index.html for studio routes like /p/<id>', async () => {
    const response = await fetch(`${suite.server.url}/p/4NMNnkMhL8jXrdJ9jamS2hnd`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Troupe studio')
  })

  it('answers 404, not index.html, for a missing file with an extension', async () => {
    const response = await fetch(`${suite.server.url}/assets/gone.js`)
    expect(response.status).toBe(404)
  })

  it('never serves files outside the studio folder', async () => {
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const body = await (await fetch(`${suite.server.url}${path}`)).text()
      expect(body).not.toContain('root:')
    }
  })
})

describe('HTTP: studio not built', () => {
  it('says to run npm start when the studio folder has no index.html', async () => {
    const empty = tempDir('empty')
    const server = await startServer({
      port: 0,
      dataDir: join(empty.path, 'data'),
      studioDir: empty.path,
    })
    try {
      const response = await fetch(`${server.url}/`)
      expect(response.status).toBe(503)
      expect(await response.text()).toContain('npm start')
    } finally {
      await server.close()
      empty.remove()
    }
  })
})
