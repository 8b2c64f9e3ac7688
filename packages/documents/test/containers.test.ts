import { Repo } from '@automerge/automerge-repo'
import type { ProjectFile } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import {
  createProject,
  type InstanceDoc,
  instanceState,
  projectDefinition,
  raiseEvent,
  repairContainers,
  schemasOf,
  watchContainers,
  whenDoc,
} from '../src/index'
import { converged, link } from './support/network'
import { queryRootProject } from './support/query-root'

const file: ProjectFile = {
  ...queryRootProject('todos'),
  skills: {
    addNote: {
      steps: [{ skill: '@entity/createEntity', payload: { schemaName: 'memos', entityData: {} } }],
    },
  },
  entities: { tags: [{ id: 'a' }] },
}

describe('containers created concurrently on two peers', () => {
  it('knows every schema the project names', () => {
    expect(schemasOf(file)).toEqual(['memos', 'tags', 'todos'])
  })

  it('creates an actor context map and a map per known schema with the instance', async () => {
    const repo = new Repo({ network: [] })
    const { instance } = createProject(repo, { from: file })
    expect(instance.doc().actors).toEqual({ root: { context: {} } })
    expect(Object.keys(instance.doc().entities).sort()).toEqual(['memos', 'tags', 'todos'])
    await repo.shutdown()
  })

  it('folds a map that lost a concurrent-creation conflict back in, so no entity is hidden', async () => {
    const alice = new Repo({ network: [] })
    const bob = new Repo({ network: [] })
    let cut = link(alice, bob)
    const { project, instance } = createProject(alice, { from: file })
    const bobs = await bob.find<InstanceDoc>(instance.url)
    await converged([instance, bobs])
    cut()
    const definition = projectDefinition(project.doc())
    // "notes" is named nowhere in the project, so both peers create its map on first use.
    const note = (text: string) => ({
      from: 'root',
      event: '@entity/createEntity',
      payload: { schemaName: 'notes', entityData: { text } },
    })
    raiseEvent(instance, definition, note('from alice'))
    raiseEvent(bobs, definition, note('from bob'))
    cut = link(alice, bob)
    await converged([instance, bobs])

    expect(Object.keys(instanceState(instance.doc()).entities.notes!)).toHaveLength(1)
    expect(repairContainers(instance)).toBe(true)
    await converged([instance, bobs])
    cut()
    for (const handle of [instance, bobs]) {
      const texts = Object.values(instanceState(handle.doc()).entities.notes!).map((n) => n.text)
      expect(texts.sort()).toEqual(['from alice', 'from bob'])
    }
    expect(repairContainers(bobs)).toBe(false)
    await Promise.all([alice.shutdown(), bob.shutdown()])
  })
})

describe('watchContainers', () => {
  it('repairs as soon as a conflicting merge arrives', async () => {
    const alice = new Repo({ network: [] })
    const bob = new Repo({ network: [] })
    let cut = link(alice, bob)
    const { project, instance } = createProject(alice, { from: file })
    const bobs = await bob.find<InstanceDoc>(instance.url)
    await converged([instance, bobs])
    cut()
    const stop = watchContainers(instance)
    const definition = projectDefinition(project.doc())
    const note = (text: string) => ({
      from: 'root',
      event: '@entity/createEntity',
      payload: { schemaName: 'notes', entityData: { text } },
    })
    raiseEvent(instance, definition, note('from alice'))
    raiseEvent(bobs, definition, note('from bob'))
    cut = link(alice, bob)
    await whenDoc(
      instance,
      (doc) => Object.keys(instanceState(doc).entities.notes ?? {}).length === 2,
    )
    await whenDoc(bobs, (doc) => Object.keys(instanceState(doc).entities.notes ?? {}).length === 2)
    stop()
    cut()
    await Promise.all([alice.shutdown(), bob.shutdown()])
  })
})
