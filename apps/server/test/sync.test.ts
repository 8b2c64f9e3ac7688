import {
  addActor,
  createProject,
  type InstanceDoc,
  logLength,
  type ProjectDoc,
  projectDefinition,
  raiseEvent,
  readLog,
  setActorPosition,
  setActorView,
} from '@troupe/documents'
import { createNodeRepo, type DocHandle, type Repo, whenSynced } from '@troupe/documents/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../src/server'
import { tempDir } from './helpers'

/** Resolves when `handle` satisfies `test`, checked on every change (no sleeping). */
function until<T>(handle: DocHandle<T>, test: (doc: T) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!test(handle.doc() as T)) return
      handle.off('change', check)
      resolve()
    }
    handle.on('change', check)
    check()
  })
}

describe('two clients through the real websocket server', () => {
  const data = tempDir('sync')
  let server: RunningServer
  let alice: Repo
  let bob: Repo

  beforeAll(async () => {
    server = await startServer({ port: 0, dataDir: data.path })
    alice = createNodeRepo({ syncUrl: server.ownerSyncUrl })
    bob = createNodeRepo({ syncUrl: server.ownerSyncUrl })
  })
  afterAll(async () => {
    await Promise.all([alice.shutdown(), bob.shutdown()])
    await server.close()
    data.remove()
  })

  it('finds a project created by one client on another, and edits flow both ways', async () => {
    const { project, instance } = createProject(alice, { name: 'Shared' })
    await whenSynced(alice, project)
    await whenSynced(alice, instance)
    const bobsProject = await bob.find<ProjectDoc>(project.url)
    expect(bobsProject.doc().name).toBe('Shared')

    const card = addActor(
      bobsProject,
      {
        role: 'card',
        context: {},
        view: { tag: 'p' },
        subscriptions: [],
        children: [],
        dependencies: {},
      },
      { x: 1, y: 1 },
    )
    await until(project, (doc) => Boolean(doc.actors[card]))
    setActorPosition(project, card, { x: 120, y: 80 })
    setActorView(project, card, { tag: 'h2', elements: ['From Alice'] })
    await until(bobsProject, (doc) =>
      JSON.stringify(doc.actors[card]?.view ?? null).includes('From Alice'),
    )
    expect(bobsProject.doc().actors[card]!.position).toEqual({ x: 120, y: 80 })
  })

  it('processes concurrent events from both clients exactly once', async () => {
    const { project, instance } = createProject(alice, {
      from: {
        troupe: 1,
        name: 'Counter',
        root: 'root',
        actors: {
          root: {
            role: 'root',
            context: { visible: true },
            view: {
              tag: 'button',
              elements: ['+'],
              events: {
                click: {
                  event: '@entity/createEntity',
                  payload: { schemaName: 'clicks', entityData: { who: 'context.who' } },
                },
              },
            },
            subscriptions: ['root'],
            children: [],
            dependencies: {},
          },
        },
      },
    })
    await whenSynced(alice, project)
    await whenSynced(alice, instance)
    const bobsInstance: DocHandle<InstanceDoc> = await bob.find<InstanceDoc>(instance.url)
    const definition = projectDefinition(project.doc())
    const raise = (handle: DocHandle<InstanceDoc>, who: string, n: number) => {
      for (let i = 0; i < n; i++) {
        raiseEvent(handle, definition, {
          from: 'root',
          event: '@entity/createEntity',
          payload: { schemaName: 'clicks', entityData: { who, i } },
        })
      }
    }
    raise(instance, 'alice', 20)
    raise(bobsInstance, 'bob', 20)
    await until(instance, (doc) => logLength(doc) === 40)
    await until(bobsInstance, (doc) => logLength(doc) === 40)

    expect(readLog(bobsInstance.doc())).toEqual(readLog(instance.doc()))
    const clicks = Object.values(instance.doc().entities.clicks ?? {})
    expect(clicks).toHaveLength(40)
    expect(new Set(clicks.map((c) => `${c.who}-${c.i}`)).size).toBe(40)
  })
})
