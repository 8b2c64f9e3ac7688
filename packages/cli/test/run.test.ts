import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ProjectFile } from '@troupe/core'
import {
  type AnyDocumentId,
  historyEntries,
  loadEarlierEpochs,
  logLength,
  openProject,
} from '@troupe/documents'
import { createNodeRepo } from '@troupe/documents/node'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { fixturePath, troupe } from './run-cli'
import { tempDir } from './temp'

// Each case starts the real CLI as a process (tsx + Automerge's wasm): seconds, not ms.
vi.setConfig({ testTimeout: 60_000 })

const dir = tempDir('run')
afterAll(() => dir.remove())

const write = (name: string, value: unknown) => {
  const path = join(dir.path, name)
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value))
  return path
}

/** Two actors that re-emit every ping to each other: a cascade that never ends by itself. */
const pingPong: ProjectFile = {
  troupe: 1,
  name: 'Ping pong',
  root: 'ping',
  settings: { cascadeLimit: 10 },
  actors: {
    ping: {
      role: 'ping',
      context: {},
      view: { container: { layout: 'flex' } },
      subscriptions: ['pong'],
      children: ['pong'],
      dependencies: {},
    },
    pong: {
      role: 'pong',
      context: {},
      view: { tag: 'p' },
      subscriptions: ['ping'],
      children: [],
      dependencies: {},
    },
  },
  skills: {
    ping: { steps: [{ skill: '@actor/emit', payload: { event: 'ping' } }] },
  },
}

describe('troupe run', () => {
  it('reports a cascade stopped by the bound on stderr, prints the state, exits 0', () => {
    const run = troupe(
      'run',
      write('ping.json', pingPong),
      '--events',
      write('ping-events.json', [{ from: 'ping', event: 'ping' }]),
    )
    expect(run.status).toBe(0)
    expect(run.stderr).toMatch(/event 0 \(ping from "ping"\): TRP-141/)
    expect(Object.keys(JSON.parse(run.stdout).actors)).toEqual(['ping', 'pong'])
  })

  it('refuses a project with errors on stderr, nothing on stdout, exit 1', () => {
    const bad = {
      ...pingPong,
      actors: { ...pingPong.actors, pong: { ...pingPong.actors.pong!, children: ['ping'] } },
    }
    const run = troupe('run', write('bad.json', bad), '--events', write('none.json', []))
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/TRP-11[12] actor/)
    expect(run.stderr).toContain('nothing was run')
  })

  it('refuses an events file naming a missing actor or lacking a type, with its path', () => {
    const events = write('bad-events.json', [{ from: 'ghost', event: 'x' }, { from: 'ping' }])
    const run = troupe('run', write('ok.json', pingPong), '--events', events)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`TRP-110 ${events}[0].from: the project has no actor "ghost"`)
    expect(run.stderr).toContain(`TRP-101 ${events}[1].event`)
  })

  it('needs --events (usage, exit 2)', () => {
    const run = troupe('run', fixturePath('header', 'project.json'))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--events')
  })

  it('with --data stores the project and its instance on disk, readable by a fresh repo', async () => {
    const data = join(dir.path, 'data')
    const run = troupe(
      'run',
      fixturePath('header', 'project.json'),
      '--events',
      fixturePath('header', 'events.json'),
      '--data',
      data,
    )
    expect(run.status).toBe(0)
    expect(readdirSync(data).length).toBeGreaterThan(0)
    const url = /project (automerge:\w+)/.exec(run.stderr)?.[1]
    expect(url).toBeDefined()
    const repo = createNodeRepo({ dataDir: data })
    const { instance } = await openProject(repo, url as AnyDocumentId)
    expect(instance.doc().actors.title?.context).toMatchObject({ title: 'Troupe' })
    expect(logLength(instance.doc())).toBe(4)
    await repo.shutdown()
  })
})

describe('troupe run over epochs', () => {
  it('rotates the instance every epochSize messages and stores the chain with --data', async () => {
    const counter: ProjectFile = {
      troupe: 1,
      name: 'Counter',
      root: 'counter',
      settings: { epochSize: 2 },
      actors: {
        counter: {
          role: 'counter',
          context: { clicks: 0 },
          view: { tag: 'p' },
          subscriptions: ['counter'],
          children: [],
          dependencies: {},
        },
      },
    }
    const events = [1, 2, 3, 4, 5].map((clicks) => ({
      from: 'counter',
      event: '@input/updateContext',
      payload: { clicks },
    }))
    const data = join(dir.path, 'epochs')
    const run = troupe(
      'run',
      write('counter.json', counter),
      '--events',
      write('counter-events.json', events),
      '--data',
      data,
    )
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout).actors.counter.context.clicks).toBe(5)
    const url = /project (automerge:\w+)/.exec(run.stderr)?.[1]
    const repo = createNodeRepo({ dataDir: data })
    // The project names the third epoch: one message of its own, four before it.
    const { instance } = await openProject(repo, url as AnyDocumentId)
    expect(logLength(instance.doc())).toBe(1)
    expect(instance.doc().previous?.start).toBe(4)
    expect(await loadEarlierEpochs(repo, instance)).toBe(4)
    expect(historyEntries(instance)).toHaveLength(5)
    await repo.shutdown()
  })
})
