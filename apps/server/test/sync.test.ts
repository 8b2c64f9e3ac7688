import {
  addActor,
  createProject,
  type DocHandle,
  type InstanceDoc,
  instanceState,
  logLength,
  type ProjectDoc,
  projectDefinition,
  raiseEvent,
  readLog,
  setActorPosition,
  setActorView,
  whenDoc,
} from '@troupe/documents'
import { type Repo, whenSynced } from '@troupe/documents/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { overTheNetwork, serverForBlock } from './helpers'

describe('two clients through the real websocket server', overTheNetwork, () => {
  const suite = serverForBlock('sync')
  let alice: Repo
  let bob: Repo

  beforeAll(() => {
    alice = suite.client()
    bob = suite.client()
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
    await whenDoc(project, (doc) => Boolean(doc.actors[card]))
    setActorPosition(project, card, { x: 120, y: 80 })
    setActorView(project, card, { tag: 'h2', elements: ['From Alice'] })
    await whenDoc(bobsProject, (doc) =>
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
    await whenDoc(instance, (doc) => logLength(doc) === 40)
    await whenDoc(bobsInstance, (doc) => logLength(doc) === 40)

    expect(readLog(bobsInstance.doc())).toEqual(readLog(instance.doc()))
    const clicks = Object.values(instanceState(instance.doc()).entities.clicks ?? {})
    expect(clicks).toHaveLength(40)
    expect(new Set(clicks.map((c) => `${c.who}-${c.i}`)).size).toBe(40)
  })
})
