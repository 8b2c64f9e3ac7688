import { Repo } from '@automerge/automerge-repo'
import type { ProjectFile } from '@troupe/core'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type AnyDocumentId,
  appendLog,
  createProject,
  forwardLateWrites,
  historyEntries,
  type InstanceDoc,
  instanceState,
  LiveInstance,
  loadEarlierEpochs,
  logLength,
  projectDefinition,
  readLog,
  rotateEpoch,
  stateAfter,
  stateBefore,
  successorOf,
} from '../src/index'
import { createNodeRepo } from '../src/node'
import { tempDir } from './support/temp'

const file = (epochSize: number): ProjectFile => ({
  troupe: 1,
  name: 'Counter',
  root: 'root',
  settings: { epochSize },
  actors: {
    root: {
      role: 'root',
      context: { visible: true, clicks: 0 },
      view: { container: { layout: 'flex' } },
      subscriptions: ['root'],
      children: [],
      dependencies: {},
    },
  },
})

const click = (clicks: number) => ({
  from: 'root',
  event: '@input/updateContext',
  payload: { clicks },
})

const dirs: { remove: () => void }[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove()
})

describe('an instance rotates into epochs as its log fills', () => {
  it('starts a new epoch every epochSize messages, carrying the state over', async () => {
    const repo = new Repo({ network: [] })
    const { project, instance } = createProject(repo, { from: file(10) })
    const live = new LiveInstance(repo, instance)
    const definition = projectDefinition(project.doc())
    const urls = new Set<string>([instance.url])
    live.onEpoch((epoch) => urls.add(epoch.url))
    for (let i = 1; i <= 25; i++) live.raise(definition, [click(i)])
    await live.settled()

    // 25 messages at 10 per epoch: two full epochs and a third holding 5.
    expect(urls.size).toBe(3)
    const current = live.epoch.doc()
    expect(logLength(current)).toBe(5)
    expect(current.previous?.start).toBe(20)
    expect(instanceState(current).actors.root?.context?.clicks).toBe(25)
    expect(successorOf(instance.doc())).toBeDefined()
    // An epoch opened later still holds its own part, and points on.
    const first = await repo.find<InstanceDoc>(instance.url as AnyDocumentId)
    expect(logLength(first.doc())).toBe(10)
    live.close()
    await repo.shutdown()
  })

  it('keeps the whole history readable across epochs, with each past state', async () => {
    const repo = new Repo({ network: [] })
    const { project, instance } = createProject(repo, { from: file(4) })
    const live = new LiveInstance(repo, instance)
    const definition = projectDefinition(project.doc())
    for (let i = 1; i <= 11; i++) live.raise(definition, [click(i)])
    await live.settled()

    // Before the earlier epochs are loaded, history is the current epoch's own.
    expect(historyEntries(live.epoch)).toHaveLength(3)
    expect(await loadEarlierEpochs(repo, live.epoch)).toBe(8)
    const entries = historyEntries(live.epoch)
    expect(entries.map((e) => (e.entry.message.payload as { clicks: number }).clicks)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ])
    for (const index of [0, 3, 4, 7, 8, 10]) {
      expect(stateAfter(live.epoch, index).actors.root?.context?.clicks).toBe(index + 1)
    }
    expect(stateBefore(live.epoch, 4).actors.root?.context?.clicks).toBe(4)
    live.close()
    await repo.shutdown()
  })

  it('opens at the current epoch after a restart, from disk', async () => {
    const dir = tempDir('troupe-epochs-')
    dirs.push(dir)
    const first = createNodeRepo({ dataDir: dir.path })
    const { project, instance } = createProject(first, { from: file(5) })
    const live = new LiveInstance(first, instance)
    let pointer = instance.url as string
    live.onEpoch((epoch) => {
      pointer = epoch.url
    })
    const definition = projectDefinition(project.doc())
    for (let i = 1; i <= 12; i++) live.raise(definition, [click(i)])
    await live.settled()
    live.close()
    await first.flush()
    await first.shutdown()

    const again = createNodeRepo({ dataDir: dir.path })
    const opened = await again.find<InstanceDoc>(pointer as AnyDocumentId)
    expect(instanceState(opened.doc()).actors.root?.context?.clicks).toBe(12)
    expect(await loadEarlierEpochs(again, opened)).toBe(10)
    expect(historyEntries(opened)).toHaveLength(12)
    await again.shutdown()
  })

  it('refuses to rotate an epoch twice, keeping the successor it started', async () => {
    const repo = new Repo({ network: [] })
    const { instance } = createProject(repo, { from: file(100) })
    const next = rotateEpoch(repo, instance)
    expect(() => rotateEpoch(repo, instance)).toThrow(/TRP-408/)
    expect(instance.doc().next).toBe(next.url)
    await repo.shutdown()
  })

  it('forwards a late entry once, also when the late epoch holds two copies of it', async () => {
    const repo = new Repo({ network: [] })
    const { project, instance } = createProject(repo, { from: file(100) })
    const live = new LiveInstance(repo, instance, { rotate: false })
    live.raise(projectDefinition(project.doc()), [click(1)])
    const entry = readLog(instance.doc())[0]!
    const next = rotateEpoch(repo, instance)
    // Two peers forwarded the same entry into this epoch at once: it holds two copies.
    const late = { ...entry, message: { ...entry.message, id: 'late-1' } }
    instance.change((doc) => appendLog(doc, [late, late]))
    expect(forwardLateWrites(instance, next)).toBe(true)
    expect(readLog(next.doc()).map((e) => e.message.id)).toEqual(['late-1'])
    expect(historyEntries(instance).map((e) => e.entry.message.id)).toEqual([
      entry.message.id,
      'late-1',
    ])
    live.close()
    await repo.shutdown()
  })
})
