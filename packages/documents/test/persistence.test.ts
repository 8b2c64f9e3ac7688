import type { ProjectFile } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import {
  addActor,
  createProject,
  instanceState,
  openProject,
  projectDefinition,
  raiseEvent,
  readLog,
  setActorPosition,
} from '../src/index'
import { createNodeRepo } from '../src/node'
import { tempDir } from './support/temp'

const file: ProjectFile = {
  troupe: 1,
  name: 'Counter',
  root: 'root',
  actors: {
    root: {
      role: 'root',
      context: { visible: true, taps: 0 },
      view: {
        tag: 'button',
        bindings: { text: 'context.taps' },
        events: { click: { event: '@input/updateContext', payload: { taps: 7 } } },
      },
      subscriptions: ['root'],
      children: [],
      dependencies: {},
    },
  },
}

// Disk writes and reads: a loaded machine may take far longer than Vitest's 5 s default.
describe('state survives closing and reopening a repo on the same data dir', {
  timeout: 60_000,
}, () => {
  it('keeps actors, positions, state and the log', async () => {
    const data = tempDir('reopen')
    try {
      const first = createNodeRepo({ dataDir: data.path })
      const { project, instance } = createProject(first, { from: file })
      const extra = addActor(
        project,
        { ...file.actors.root!, role: 'extra', view: { tag: 'p' } },
        { x: 1, y: 2 },
      )
      setActorPosition(project, extra, { x: 300, y: 40 })
      const result = raiseEvent(instance, projectDefinition(project.doc()), {
        from: 'root',
        event: '@input/updateContext',
        payload: { taps: 7 },
      })
      expect(result.log.map((e) => e.outcome)).toEqual(['handled'])
      const before = {
        project: project.doc(),
        state: instanceState(instance.doc()),
        log: readLog(instance.doc()),
      }
      await first.flush()
      await first.shutdown()

      const second = createNodeRepo({ dataDir: data.path })
      const reopened = await openProject(second, project.url)
      expect(reopened.instance.url).toBe(instance.url)
      expect(reopened.project.doc()).toEqual(before.project)
      expect(reopened.project.doc().actors[extra]!.position).toEqual({ x: 300, y: 40 })
      expect(instanceState(reopened.instance.doc())).toEqual(before.state)
      expect(instanceState(reopened.instance.doc()).actors.root!.context).toMatchObject({ taps: 7 })
      expect(readLog(reopened.instance.doc())).toEqual(before.log)
      await second.shutdown()
    } finally {
      data.remove()
    }
  })
})
