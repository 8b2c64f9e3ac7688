import type { ProjectFile } from '@troupe/core'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type AnyDocumentId,
  createProject,
  definitionAt,
  definitionHeadsAfter,
  forkInstance,
  historyEntries,
  type InstanceDoc,
  instanceState,
  projectDefinition,
  projectHeads,
  raiseEvent,
  raiseEvents,
  readLog,
  setActorRole,
  startInstance,
  stateAfter,
  stateBefore,
} from '../src/index'
import { createNodeRepo } from '../src/node'
import { converged, link } from './support/network'
import { tempDir } from './support/temp'

const file: ProjectFile = {
  troupe: 1,
  name: 'Counter',
  root: 'root',
  actors: {
    root: {
      role: 'root',
      context: { visible: true, clicks: 0 },
      view: { container: { layout: 'flex' } },
      subscriptions: ['root', 'echo'],
      children: ['echo'],
      dependencies: {},
    },
    echo: {
      role: 'echo',
      context: { visible: true },
      view: { tag: 'p' },
      subscriptions: [],
      children: [],
      dependencies: {},
    },
  },
}

const click = (clicks: number) => ({
  from: 'root',
  event: '@input/updateContext',
  payload: { clicks },
})

const dirs: { remove: () => void }[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove()
})

/**
 * A project over a real repo; on disk only when the test reopens it, because a repo's
 * background saves can outlive its shutdown and would write into a folder already removed.
 */
function setUp(options: { disk?: boolean } = {}) {
  const dir = tempDir('history')
  dirs.push(dir)
  const repo = createNodeRepo(options.disk ? { dataDir: dir.path } : {})
  const handles = createProject(repo, { from: file })
  const definition = projectDefinition(handles.project.doc())
  return { repo, dir, ...handles, definition }
}

const clicksOf = (state: { actors: Record<string, { context?: object }> }) =>
  (state.actors.root?.context as { clicks?: number } | undefined)?.clicks

describe('instance history', () => {
  it('lists every log entry with the change that appended it, in log order', async () => {
    const { repo, instance, definition } = setUp()
    raiseEvent(instance, definition, click(1))
    raiseEvents(instance, definition, [click(2), click(3)])
    const entries = historyEntries(instance)
    // Each event goes to root (handled) and echo (handled: a built-in on any actor).
    expect(entries.map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5])
    expect(entries.map((e) => e.entry)).toEqual(readLog(instance.doc()))
    expect(entries.map((e) => [e.changeStart, e.changeSize])).toEqual([
      [0, 2],
      [0, 2],
      [2, 4],
      [2, 4],
      [2, 4],
      [2, 4],
    ])
    await repo.shutdown()
  })

  it('gives the state before and after the change of any message, from the history', async () => {
    const { repo, instance, definition } = setUp()
    for (const n of [1, 2, 3]) raiseEvent(instance, definition, click(n))
    expect(clicksOf(stateBefore(instance, 0))).toBe(undefined)
    expect(clicksOf(stateAfter(instance, 0))).toBe(1)
    expect(clicksOf(stateAfter(instance, 1))).toBe(1)
    expect(clicksOf(stateBefore(instance, 2))).toBe(1)
    expect(clicksOf(stateAfter(instance, 3))).toBe(2)
    expect(clicksOf(stateAfter(instance, 5))).toBe(3)
    // The live document is untouched by looking back.
    expect(clicksOf(instanceState(instance.doc()))).toBe(3)
    expect(() => stateAfter(instance, 6)).toThrow(/TRP-400/)
    await repo.shutdown()
  })

  it('reads only new changes on later calls and survives a reload from disk', async () => {
    const { repo, dir, instance, definition } = setUp({ disk: true })
    raiseEvent(instance, definition, click(1))
    expect(historyEntries(instance)).toHaveLength(2)
    raiseEvent(instance, definition, click(2))
    expect(historyEntries(instance)).toHaveLength(4)
    await repo.flush()
    await repo.shutdown()

    const reopened = createNodeRepo({ dataDir: dir.path })
    const again = await reopened.find<InstanceDoc>(instance.url as AnyDocumentId)
    expect(historyEntries(again)).toHaveLength(4)
    expect(clicksOf(stateAfter(again, 1))).toBe(1)
    await reopened.flush()
    await reopened.shutdown()
  })

  it('merges entries raised on two peers, each with its own state after', async () => {
    const a = createNodeRepo()
    const b = createNodeRepo()
    const unlink = link(a, b)
    const { project, instance } = createProject(a, { from: file })
    const definition = projectDefinition(project.doc())
    const remote = await b.find<InstanceDoc>(instance.url as AnyDocumentId)
    raiseEvent(instance, definition, click(1))
    raiseEvent(remote, definition, click(7))
    await converged([instance, remote])
    const entries = historyEntries(instance)
    expect(entries).toHaveLength(4)
    const states = [0, 2].map((i) => clicksOf(stateAfter(instance, i))).sort()
    expect(states).toEqual([1, 7])
    unlink()
    await a.shutdown()
    await b.shutdown()
  })

  it('reads a whole epoch opened afresh with the same changes as one read change by change', async () => {
    const a = createNodeRepo()
    const b = createNodeRepo()
    const { project, instance } = createProject(a, { from: file })
    const definition = projectDefinition(project.doc())
    let unlink = link(a, b)
    const remote = await b.find<InstanceDoc>(instance.url as AnyDocumentId)
    // Rounds of concurrent raises on two peers, merged after each: changes of two actors,
    // one of them a batch, interleaved in the history.
    for (let round = 0; round < 4; round++) {
      unlink()
      raiseEvent(instance, definition, click(round * 10 + 1))
      raiseEvents(remote, definition, [click(round * 10 + 2), click(round * 10 + 3)])
      historyEntries(instance)
      unlink = link(a, b)
      await converged([instance, remote])
      historyEntries(instance)
    }
    const fresh = createNodeRepo()
    const unlinkFresh = link(a, fresh)
    const opened = await fresh.find<InstanceDoc>(instance.url as AnyDocumentId)
    await converged([instance, opened])
    const summary = (handle: typeof instance) =>
      historyEntries(handle)
        .map((e) => ({
          id: e.entry.message.id,
          size: e.changeSize,
          clicks: clicksOf(stateAfter(handle, e.index)),
          before: clicksOf(stateBefore(handle, e.index)),
        }))
        .sort((x, y) => x.id.localeCompare(y.id))
    expect(historyEntries(opened)).toHaveLength(24)
    expect(summary(opened)).toEqual(summary(instance))
    unlinkFresh()
    unlink()
    await Promise.all([a.shutdown(), b.shutdown(), fresh.shutdown()])
  })
})

describe('the definition each message ran against', () => {
  it('is recorded with the batch and read back for any message, after the project changed', async () => {
    const { repo, project, instance } = setUp()
    const ranAt = projectHeads(project)
    raiseEvent(instance, projectDefinition(project.doc()), click(1), { definitionHeads: ranAt })
    setActorRole(project, 'echo', 'renamed')
    raiseEvent(instance, projectDefinition(project.doc()), click(2), {
      definitionHeads: projectHeads(project),
    })
    expect(definitionHeadsAfter(instance, 0)).toEqual(ranAt)
    expect(definitionAt(project, definitionHeadsAfter(instance, 0)!).actors.echo?.role).toBe('echo')
    expect(definitionAt(project, definitionHeadsAfter(instance, 2)!).actors.echo?.role).toBe(
      'renamed',
    )
    // Events raised without heads (the CLI) leave the last recorded ones in place.
    raiseEvent(instance, projectDefinition(project.doc()), click(3))
    expect(definitionHeadsAfter(instance, 4)).toEqual(projectHeads(project))
    await repo.shutdown()
  })
})

describe('fork and reset', () => {
  it('a fork starts from the state after a message and leaves the original untouched', async () => {
    const { repo, project, instance, definition } = setUp()
    for (const n of [1, 2, 3]) raiseEvent(instance, definition, click(n))
    const before = instance.heads()
    const fork = forkInstance(repo, project, instance, 2)
    expect(project.doc().instanceUrl).toBe(fork.url)
    expect(clicksOf(instanceState(fork.doc()))).toBe(2)
    expect(readLog(fork.doc())).toEqual([])
    raiseEvent(fork, definition, click(10))
    expect(clicksOf(instanceState(fork.doc()))).toBe(10)
    expect(instance.heads()).toEqual(before)
    expect(clicksOf(instanceState(instance.doc()))).toBe(3)
    await repo.shutdown()
  })

  it('reset starts again from the project initial state', async () => {
    const { repo, project, instance, definition } = setUp()
    raiseEvent(instance, definition, click(5))
    const fresh = startInstance(repo, project)
    expect(project.doc().instanceUrl).toBe(fresh.url)
    expect(clicksOf(instanceState(fresh.doc()))).toBe(undefined)
    expect(fresh.doc().project).toBe(project.url)
    expect(clicksOf(instanceState(instance.doc()))).toBe(5)
    await repo.shutdown()
  })
})
