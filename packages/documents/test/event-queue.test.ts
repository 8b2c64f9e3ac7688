import { getAllChanges } from '@automerge/automerge'
import type { ProjectFile } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import {
  createEventQueue,
  createProject,
  type DocHandle,
  type InstanceDoc,
  instanceState,
  logLength,
  projectDefinition,
  readLog,
} from '../src/index'
import { createNodeRepo } from '../src/node'

/** A counter whose taps add one: each event reads what the previous one wrote. */
const file: ProjectFile = {
  troupe: 1,
  name: 'Queue',
  root: 'root',
  actors: {
    root: {
      role: 'root',
      context: { visible: true, taps: 0 },
      view: { tag: 'button' },
      subscriptions: ['root'],
      children: [],
      dependencies: {},
    },
  },
  skills: {
    TAP: {
      steps: [
        { skill: '@input/updateContext', payload: { taps: { $add: [{ $: 'context.taps' }, 1] } } },
      ],
    },
  },
}

const changes = (instance: DocHandle<InstanceDoc>) => getAllChanges(instance.doc()).length

describe('createEventQueue over a real repo', () => {
  it('processes the events of one tick in one change, in order, each exactly once', async () => {
    const repo = createNodeRepo()
    try {
      const { project, instance } = createProject(repo, { from: file })
      const queue = createEventQueue(instance, () => projectDefinition(project.doc()))
      const before = changes(instance)
      const raised = Array.from({ length: 500 }, () => queue.raise({ from: 'root', event: 'TAP' }))
      // Nothing is processed until the tick ends.
      expect(logLength(instance.doc())).toBe(0)
      const results = await Promise.all(raised)
      expect(changes(instance)).toBe(before + 1)
      expect(instanceState(instance.doc()).actors.root?.context?.taps).toBe(500)
      const log = readLog(instance.doc())
      expect(log).toHaveLength(500)
      expect(new Set(log.map((entry) => entry.message.id)).size).toBe(500)
      // Each promise gets its own event's log, in the order raised.
      expect(results.map((result) => result.log[0]!.message.id)).toEqual(
        log.map((entry) => entry.message.id),
      )
    } finally {
      await repo.shutdown()
    }
  })

  it('gives events raised in separate ticks a change each', async () => {
    const repo = createNodeRepo()
    try {
      const { project, instance } = createProject(repo, { from: file })
      const queue = createEventQueue(instance, () => projectDefinition(project.doc()))
      const before = changes(instance)
      await queue.raise({ from: 'root', event: 'TAP' })
      await queue.raise({ from: 'root', event: 'TAP' })
      expect(changes(instance)).toBe(before + 2)
      expect(instanceState(instance.doc()).actors.root?.context?.taps).toBe(2)
    } finally {
      await repo.shutdown()
    }
  })

  it('flush processes what is queued at once', async () => {
    const repo = createNodeRepo()
    try {
      const { project, instance } = createProject(repo, { from: file })
      const queue = createEventQueue(instance, () => projectDefinition(project.doc()))
      const pending = queue.raise({ from: 'root', event: 'TAP' })
      queue.flush()
      expect(instanceState(instance.doc()).actors.root?.context?.taps).toBe(1)
      await pending
      // The tick's own flush finds nothing left to do.
      expect(logLength(instance.doc())).toBe(1)
    } finally {
      await repo.shutdown()
    }
  })
})
