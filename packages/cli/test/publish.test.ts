import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type AnyDocumentId, type AppDoc, listVersions } from '@troupe/documents'
import { createNodeRepo } from '@troupe/documents/node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { fixturePath, troupe } from './run-cli'
import { tempDir } from './temp'

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 })

const header = fixturePath('header', 'project.json')

describe('troupe publish --data', () => {
  const data = tempDir('publish-data')
  afterAll(() => data.remove())

  it('publishes a project file as version 1 with a key, then version 2 of the same app', async () => {
    const first = troupe('publish', header, '--data', data.path, '--note', 'first')
    expect(first.stderr).toContain('shown only now')
    expect(first.status).toBe(0)
    const v1 = JSON.parse(first.stdout)
    expect(v1).toMatchObject({ slug: 'header-with-title-and-button', number: 1 })
    expect(v1.key).toMatch(/^troupe_app_/)

    const index = JSON.parse(readFileSync(join(data.path, 'apps.json'), 'utf8'))
    const repo = createNodeRepo({ dataDir: data.path })
    const app = await repo.find<AppDoc>(index[v1.slug] as AnyDocumentId)
    const [version] = listVersions(app.doc())
    await repo.shutdown()

    // Republishing by URL from the same data folder adds version 2 to the same app.
    const second = troupe('publish', version?.projectUrl as string, '--data', data.path)
    expect(second.status).toBe(0)
    expect(JSON.parse(second.stdout)).toEqual({
      slug: v1.slug,
      number: 2,
      path: `/apps/${v1.slug}`,
    })
  })

  it('refuses a broken project with each issue (code, actor, path) and exit code 1', () => {
    const project = JSON.parse(readFileSync(header, 'utf8'))
    project.actors.title.subscriptions.push('ghost')
    const path = join(data.path, 'broken.json')
    writeFileSync(path, JSON.stringify(project))
    const run = troupe('publish', path, '--data', data.path, '--slug', 'broken')
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/TRP-110 actor "title" at subscriptions\[1\]/)
    expect(run.stderr).toContain('nothing was published')
    expect(JSON.parse(readFileSync(join(data.path, 'apps.json'), 'utf8')).broken).toBeUndefined()
  })

  it('says how to call it when neither --server nor --data is given', () => {
    const run = troupe('publish', header)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--server URL (with --token) or --data DIR')
  })
})

describe('troupe publish --server', () => {
  const data = tempDir('publish-server')
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
  let server: ChildProcess
  let url: string
  let token: string

  beforeAll(async () => {
    const port = 20000 + Math.floor(Math.random() * 20000)
    server = spawn(
      join(repoRoot, 'node_modules/.bin/tsx'),
      ['apps/server/src/main.ts', '--port', String(port), '--data', data.path],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    await new Promise<void>((resolve) => {
      let out = ''
      server.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (/Log in with/.test(out)) resolve()
      })
    })
    url = `http://127.0.0.1:${port}`
    token = readFileSync(join(data.path, 'owner-token'), 'utf8').trim()
  })
  afterAll(async () => {
    await new Promise((done) => {
      server.once('exit', done)
      server.kill('SIGINT')
    })
    data.remove()
  })

  it('uploads the project file through sync, publishes it, and the app is live', async () => {
    const run = troupe('publish', header, '--server', url, '--token', token, '--slug', 'head')
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ slug: 'head', number: 1, path: '/apps/head' })
    const versions = await fetch(`${url}/api/apps/head`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect((await versions.text().then(JSON.parse)).live).toBe(1)
  })

  it('refuses a wrong token', () => {
    const run = troupe('publish', header, '--server', url, '--token', 'wrong', '--slug', 'x')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('TRP-600')
  })
})
