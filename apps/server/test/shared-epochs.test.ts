import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ProjectFile } from '@troupe/core'
import {
  type AppDoc,
  type DocHandle,
  epochIsFull,
  type InstanceDoc,
  importProjectFile,
  instanceState,
  LiveInstance,
  rotateEpoch,
} from '@troupe/documents'
import { createNodeRepo, type Repo, whenSynced } from '@troupe/documents/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { visitorGrantFor } from '../src/access/policy'
import { type RunningServer, startServer } from '../src/server'
import { captureLogs, tempDir } from './helpers'

/** A counter whose every click is one message; three messages fill an epoch. */
const tally: ProjectFile = {
  troupe: 1,
  name: 'Tally',
  root: 'tally',
  settings: { epochSize: 3 },
  actors: {
    tally: {
      role: 'tally',
      context: { clicks: 0 },
      view: { tag: 'p' },
      subscriptions: ['tally'],
      children: [],
      dependencies: {},
    },
  },
  skills: {
    CLICK: {
      steps: [
        {
          skill: '@input/updateContext',
          payload: { clicks: { $add: [{ $: 'context.clicks' }, 1] } },
        },
      ],
    },
  },
}

const click = { from: 'tally', event: 'CLICK' }

function until<T>(read: () => T, test: (value: T) => boolean): Promise<T> {
  // Waits on the condition, re-checked as sync traffic lands; the test's timeout bounds it.
  return new Promise((resolve) => {
    const check = () => {
      const value = read()
      if (test(value)) resolve(value)
      else setTimeout(check, 20)
    }
    check()
  })
}

describe("a shared app's instance rotates on the server, and visitors follow", () => {
  const data = tempDir('shared-epochs')
  const logs = captureLogs()
  let server: RunningServer
  let owner: Repo
  let app: DocHandle<AppDoc>
  const repos: Repo[] = []
  const lives: LiveInstance[] = []

  beforeAll(async () => {
    server = await startServer({ port: 0, dataDir: data.path, logger: logs.logger })
    owner = createNodeRepo({ syncUrl: server.ownerSyncUrl })
    const { project } = importProjectFile(owner, tally)
    await whenSynced(owner, project)
    const response = await fetch(`${server.url}/api/apps`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.ownerToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ project: project.url, slug: 'tally', scope: 'shared' }),
    })
    expect(response.status).toBe(201)
    const index = JSON.parse(readFileSync(join(data.path, 'apps.json'), 'utf8'))
    app = await server.repo.find<AppDoc>(index.tally)
  })
  afterAll(async () => {
    for (const live of lives) live.close()
    await Promise.all([owner, ...repos].map((repo) => repo.shutdown()))
    await server.close()
    data.remove()
  })

  /**
   * The epoch the app record names, once the server rotated it if it was full: the server does
   * so soon after the last message, and a test that read the record before raced it.
   */
  const settledEpoch = async () => {
    let current = app.doc().instanceUrl
    while (epochIsFull((await server.repo.find<InstanceDoc>(current as never)).doc(), 3)) {
      const full = current
      current = await until(
        () => app.doc().instanceUrl,
        (url) => url !== full,
      )
    }
    return current
  }

  /** A visitor's player over the real websocket, as apps/player runs it: following only. */
  const visit = async () => {
    const repo = createNodeRepo({ syncUrl: `${server.syncUrl}?app=tally` })
    repos.push(repo)
    const epoch = await repo.find<InstanceDoc>(app.doc().instanceUrl as never)
    const live = new LiveInstance(repo, epoch, { rotate: false })
    lives.push(live)
    return live
  }

  it('starts the next epoch when visitors fill one, grants it, and every visitor moves on', async () => {
    const first = app.doc().instanceUrl
    const alice = await visit()
    const bob = await visit()
    for (let i = 0; i < 4; i++) alice.raise(tally, [click])
    // A visitor never starts an epoch: it may write only what the grant lists.
    expect(alice.epoch.url).toBe(first)

    const moved = await until(
      () => app.doc().instanceUrl,
      (url) => url !== first,
    )
    expect(app.doc().instanceEpochs).toEqual([first])
    expect(visitorGrantFor(app.doc())?.readWrite).toEqual([first, moved])
    await until(
      () => [alice.epoch.url, bob.epoch.url],
      (urls) => urls.every((url) => url === moved),
    )

    // All four clicks went into the first epoch; the new one started from its state.
    for (let i = 0; i < 2; i++) bob.raise(tally, [click])
    const onServer = await server.repo.find<InstanceDoc>(moved as never)
    await until(
      () => instanceState(onServer.doc()).actors.tally?.context?.clicks,
      (clicks) => clicks === 6,
    )
    await until(
      () => instanceState(alice.epoch.doc()).actors.tally?.context?.clicks,
      (clicks) => clicks === 6,
    )
  }, 60_000)

  it('serves the current epoch to new visitors, also after a restart', async () => {
    const current = await settledEpoch()
    const page = await fetch(`${server.url}/apps/tally`)
    expect(await page.text()).toContain(current.replace('automerge:', ''))
    await server.close()
    server = await startServer({ port: 0, dataDir: data.path, logger: logs.logger })
    const index = JSON.parse(readFileSync(join(data.path, 'apps.json'), 'utf8'))
    app = await server.repo.find<AppDoc>(index.tally)
    expect(app.doc().instanceUrl).toBe(current)
    const carol = await visit()
    expect(instanceState(carol.epoch.doc()).actors.tally?.context?.clicks).toBe(6)
    carol.raise(tally, [click])
    const onServer = await server.repo.find<InstanceDoc>(current as never)
    await until(
      () => instanceState(onServer.doc()).actors.tally?.context?.clicks,
      (clicks) => clicks === 7,
    )
  }, 60_000)

  it('records epochs another peer started, also several at once, and visitors follow them', async () => {
    // Waited for, so the owner's rotations below are the only ones: rotating an epoch that
    // already has a successor overwrites its `next`, which no LiveInstance does.
    const current = await settledEpoch()
    // The owner (who may write anything) rotates twice in one go; the server only follows.
    const peer = createNodeRepo({ syncUrl: server.ownerSyncUrl })
    repos.push(peer)
    const first = await peer.find<InstanceDoc>(current as never)
    const second = rotateEpoch(peer, first)
    const third = rotateEpoch(peer, second)
    await whenSynced(peer, first)
    await whenSynced(peer, second)
    await whenSynced(peer, third)

    await until(
      () => app.doc().instanceUrl,
      (url) => url === third.url,
    )
    expect(app.doc().instanceEpochs?.slice(-2)).toEqual([current, second.url])
    const dave = await visit()
    expect(dave.epoch.url).toBe(third.url)
    dave.raise(tally, [click])
    const onServer = await server.repo.find<InstanceDoc>(third.url as never)
    await until(
      () => instanceState(onServer.doc()).actors.tally?.context?.clicks,
      (clicks) => clicks === 8,
    )
  }, 60_000)
})
