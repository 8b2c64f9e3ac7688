import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  type AppDoc,
  type DocHandle,
  type InstanceDoc,
  importProjectFile,
  type ProjectDoc,
  setActorContext,
  whenDoc,
} from '@troupe/documents'
import { type Repo, whenSynced } from '@troupe/documents/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../src/server'
import { captureLogs, NETWORK_TIMEOUT_MS, overTheNetwork, serverForBlock, tempDir } from './helpers'

const fixture = readFileSync(
  new URL('../../../packages/cli/fixtures/header/project.json', import.meta.url),
  'utf8',
)

describe('publishing through the server', overTheNetwork, () => {
  const player = tempDir('player')
  beforeAll(() => {
    // A minimal page in the shape of the player's build, so the page route can be read here;
    // the end-to-end test runs the real player.
    writeFileSync(
      join(player.path, 'index.html'),
      '<!doctype html><html><head><title>Troupe app</title><script type="module" src="./assets/player-x.js"></script></head><body><div id="app"></div></body></html>',
    )
  })
  const logs = captureLogs()
  const suite = serverForBlock('publish', { playerDir: player.path, logger: logs.logger })
  let owner: Repo
  let project: DocHandle<ProjectDoc>
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${suite.server.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${suite.server.ownerToken}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    })
  const publish = (body: Record<string, unknown>) =>
    api('/api/apps', { method: 'POST', body: JSON.stringify(body) })

  beforeAll(async () => {
    owner = suite.client()
    project = importProjectFile(owner, fixture).project
    await whenSynced(owner, project)
  }, NETWORK_TIMEOUT_MS)
  afterAll(() => player.remove())

  it('needs the owner login to publish', async () => {
    const response = await fetch(`${suite.server.url}/api/apps`, {
      method: 'POST',
      body: JSON.stringify({ project: project.url, slug: 'x' }),
    })
    expect(response.status).toBe(401)
    expect((await response.text().then(JSON.parse)).code).toBe('TRP-600')
  })

  it('publishes version 1 live at /apps/<slug> with the key shown once, then version 2; both stay reachable', async () => {
    const first = await publish({ project: project.url, slug: 'header', note: 'first' })
    expect(first.status).toBe(201)
    const v1 = await first.text().then(JSON.parse)
    expect(v1).toMatchObject({ slug: 'header', number: 1, path: '/apps/header' })
    expect(v1.key).toMatch(/^troupe_app_/)

    const page = await fetch(`${suite.server.url}/apps/header`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('src="/player/assets/player-x.js"')
    expect(html).toContain('<title>Header with title and button</title>')
    expect(html).toMatch(/<style data-troupe-app-css>[^<]*\.border-b/)
    const boot = JSON.parse(
      /<script type="application\/json" id="troupe-app">(.*?)<\/script>/s.exec(html)?.[1] ?? '',
    )
    expect(boot).toMatchObject({ slug: 'header', version: 1, scope: 'visitor' })
    expect(boot.definition.actors.title.context.title).toBe('My App')

    setActorContext(project, 'title', { visible: true, title: 'Second' })
    await whenSynced(owner, project)
    const second = await (await publish({ project: project.url, slug: 'header' }))
      .text()
      .then(JSON.parse)
    expect(second).toMatchObject({ number: 2, versionPath: '/apps/header/v/2' })
    expect(second.key).toBeUndefined()

    const bootOf = async (path: string) => {
      const text = await (await fetch(`${suite.server.url}${path}`)).text()
      return JSON.parse(/id="troupe-app">(.*?)<\/script>/s.exec(text)?.[1] ?? '{}')
    }
    expect((await bootOf('/apps/header')).definition.actors.title.context.title).toBe('Second')
    expect((await bootOf('/apps/header/v/1')).definition.actors.title.context.title).toBe('My App')
    expect((await fetch(`${suite.server.url}/apps/header/v/9`)).status).toBe(404)
    expect((await fetch(`${suite.server.url}/apps/nothing`)).status).toBe(404)

    const diff = await (await api('/api/apps/header/diff?from=1&to=2')).text().then(JSON.parse)
    expect(diff).toEqual({
      added: [],
      removed: [],
      changed: [{ actorId: 'title', paths: [['context', 'title']] }],
      project: [],
    })

    const rolled = await api('/api/apps/header/rollback', {
      method: 'POST',
      body: JSON.stringify({ to: 1 }),
    })
    expect(await rolled.text().then(JSON.parse)).toMatchObject({ number: 3, live: 3 })
    expect((await bootOf('/apps/header')).definition.actors.title.context.title).toBe('My App')
    const summary = await (await api('/api/apps/header')).text().then(JSON.parse)
    expect(
      summary.versions.map((v: { number: number; live: boolean }) => [v.number, v.live]),
    ).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ])
    expect(summary.versions[2].rollbackOf).toBe(1)
    const listed = await (await api(`/api/apps?project=${encodeURIComponent(project.url)}`))
      .text()
      .then(JSON.parse)
    expect(listed.map((a: { slug: string }) => a.slug)).toEqual(['header'])
  })

  it('refuses a broken project with its issues (actor and JSON path) and publishes nothing', async () => {
    const { project: broken } = importProjectFile(owner, fixture)
    broken.change((doc) => {
      doc.actors.title?.subscriptions.push('ghost')
    })
    await whenSynced(owner, broken)
    const response = await publish({ project: broken.url, slug: 'broken' })
    expect(response.status).toBe(422)
    const body = await response.text().then(JSON.parse)
    expect(body.code).toBe('TRP-300')
    expect(body.issues[0]).toMatchObject({
      code: 'TRP-110',
      actorId: 'title',
      path: ['subscriptions', 1],
    })
    expect((await fetch(`${suite.server.url}/apps/broken`)).status).toBe(404)
    const bad = await publish({ project: project.url, slug: 'Bad Slug' })
    expect((await bad.text().then(JSON.parse)).code).toBe('TRP-301')
    const missing = await publish({ project: 'automerge:2j9knpCseyhnK8izDmLpGP5WMdZQ', slug: 'm' })
    expect(missing.status).toBe(404)
    expect((await missing.text().then(JSON.parse)).code).toBe('TRP-310')
  })

  describe('a shared-state app', () => {
    let key: string
    let app: DocHandle<AppDoc>
    beforeAll(async () => {
      const published = await (
        await publish({ project: project.url, slug: 'team', scope: 'shared' })
      )
        .text()
        .then(JSON.parse)
      key = published.key
      app = await owner.find<AppDoc>(
        JSON.parse(readFileSync(join(suite.data.path, 'apps.json'), 'utf8')).team,
      )
    }, NETWORK_TIMEOUT_MS)
    const visitor = () => suite.client(`${suite.server.syncUrl}?app=team`)

    it('lets a visitor read and write the shared instance over /sync?app=<slug>', async () => {
      const guest = visitor()
      const shared = await guest.find<InstanceDoc>(app.doc().instanceUrl as never)
      shared.change((doc) => {
        doc.actors.title = { context: { title: 'from a visitor' } }
      })
      const onServer = await suite.server.repo.find<InstanceDoc>(app.doc().instanceUrl as never)
      await whenDoc(onServer, (doc) => doc.actors.title?.context?.title === 'from a visitor')
    })

    it('refuses every write from a visitor to a definition document: the project and the app record', async () => {
      const guest = visitor()
      for (const handle of [project, app] as DocHandle<unknown>[]) {
        // The visitor holds a copy (say it was leaked) and changes it; the server never takes it.
        const binary = await owner.export(handle.documentId)
        const copy = guest.import<{ defaced?: boolean }>(binary as Uint8Array, {
          docId: handle.documentId,
        })
        copy.change((doc) => {
          doc.defaced = true
        })
        await logs.waitFor(
          (line) =>
            (line.code === 'TRP-602' || line.code === 'TRP-603') &&
            line.documentId === handle.documentId &&
            line.type === 'sync',
        )
        const onServer = await suite.server.repo.find<{ defaced?: boolean }>(handle.url)
        expect(onServer.doc().defaced).toBeUndefined()
      }
      // A visitor without a copy cannot even read the project.
      await expect(visitor().find(project.url)).rejects.toThrow(/unavailable/)
    })

    it('drives the app with the app key: an event raised by an actor, delivered along its subscriptions', async () => {
      const noKey = await fetch(`${suite.server.url}/apps/team/actors/menuButton/events`, {
        method: 'POST',
        body: JSON.stringify({ event: '@ui/toggleVisible' }),
      })
      expect(noKey.status).toBe(401)
      expect((await noKey.text().then(JSON.parse)).code).toBe('TRP-305')
      const wrong = await fetch(`${suite.server.url}/apps/team/actors/menu`, {
        headers: { authorization: 'Bearer troupe_app_wrong' },
      })
      expect(wrong.status).toBe(401)

      const withKey = (path: string, init: RequestInit = {}) =>
        fetch(`${suite.server.url}/apps/team/actors/${path}`, {
          ...init,
          headers: { authorization: `Bearer ${key}` },
        })
      expect((await (await withKey('menu')).text().then(JSON.parse)).context.visible).toBe(false)
      const raised = await withKey('menuButton/events', {
        method: 'POST',
        body: JSON.stringify({ event: '@ui/toggleVisible' }),
      })
      expect(raised.status).toBe(200)
      expect((await raised.text().then(JSON.parse)).log[0]).toMatchObject({ outcome: 'handled' })
      expect((await (await withKey('menu')).text().then(JSON.parse)).context.visible).toBe(true)

      const unknown = await withKey('nobody')
      expect(unknown.status).toBe(404)
      expect((await unknown.text().then(JSON.parse)).code).toBe('TRP-307')
      const bad = await withKey('menuButton/events', {
        method: 'POST',
        body: JSON.stringify({ event: '', payload: {} }),
      })
      expect(bad.status).toBe(400)
      expect(await bad.text().then(JSON.parse)).toMatchObject({ code: 'TRP-308', path: ['event'] })
      const proto = await withKey('title/events', {
        method: 'POST',
        body: '{"event":"@input/updateContext","payload":{"__proto__":{"x":1}}}',
      })
      expect(await proto.text().then(JSON.parse)).toMatchObject({
        code: 'TRP-308',
        path: ['payload', '__proto__'],
      })
    })

    it('refuses the integration API for a per-visitor app (TRP-306)', async () => {
      const { key: visitorKey } = await (await publish({ project: project.url, slug: 'solo' }))
        .text()
        .then(JSON.parse)
      const response = await fetch(`${suite.server.url}/apps/solo/actors/menu`, {
        headers: { authorization: `Bearer ${visitorKey}` },
      })
      expect(response.status).toBe(422)
      expect((await response.text().then(JSON.parse)).code).toBe('TRP-306')
    })
  })

  it('keeps published apps across a restart, visitor grants included', async () => {
    const again = await startServer({ port: 0, dataDir: suite.data.path, playerDir: player.path })
    try {
      expect((await fetch(`${again.url}/apps/header/v/2`)).status).toBe(200)
      expect(again.apps.grant('team')?.readWrite).toHaveLength(1)
    } finally {
      await again.close()
    }
  })
})
