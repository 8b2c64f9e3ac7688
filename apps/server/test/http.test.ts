import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../src/server'
import { tempDir } from './helpers'

describe('HTTP: health and the studio', () => {
  const studio = tempDir('studio')
  const data = tempDir('data')
  let server: RunningServer

  beforeAll(async () => {
    writeFileSync(join(studio.path, 'index.html'), '<!doctype html><title>Troupe studio</title>')
    mkdirSync(join(studio.path, 'assets'))
    writeFileSync(join(studio.path, 'assets', 'app-123.js'), 'console.log("studio")')
    server = await startServer({ port: 0, dataDir: data.path, studioDir: studio.path })
  })
  afterAll(async () => {
    await server.close()
    studio.remove()
    data.remove()
  })

  it('answers /health with { ok: true }', async () => {
    const response = await fetch(`${server.url}/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
  })

  it('listens on 127.0.0.1 by default and shows a localhost address', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    expect(server.displayUrl).toBe(`http://localhost:${server.port}`)
    expect(server.syncUrl).toBe(`ws://127.0.0.1:${server.port}/sync`)
  })

  it('serves index.html at / and built assets with their type', async () => {
    const index = await fetch(`${server.url}/`)
    expect(index.headers.get('content-type')).toContain('text/html')
    expect(await index.text()).toContain('Troupe studio')
    const asset = await fetch(`${server.url}/assets/app-123.js`)
    expect(asset.headers.get('content-type')).toContain('text/javascript')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(await asset.text()).toBe('console.log("studio")')
  })

  it('falls back to index.html for studio routes like /p/<id>', async () => {
    const response = await fetch(`${server.url}/p/4NMNnkMhL8jXrdJ9jamS2hnd`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Troupe studio')
  })

  it('answers 404, not index.html, for a missing file with an extension', async () => {
    const response = await fetch(`${server.url}/assets/gone.js`)
    expect(response.status).toBe(404)
  })

  it('never serves files outside the studio folder', async () => {
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const body = await (await fetch(`${server.url}${path}`)).text()
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
