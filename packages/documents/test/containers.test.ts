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
    const { instance, bobs, definition, heal, stop } = await partitionedPeers()
    raiseEvent(instance, definition, createNote({ text: 'from alice' }))
    raiseEvent(bobs, definition, createNote({ text: 'from bob' }))
    const cut = await heal()

    expect(Object.keys(instanceState(instance.doc()).entities.notes!)).toHaveLength(1)
    expect(repairContainers(instance)).toBe(true)
    await converged([instance, bobs])
    cut()
    for (const handle of [instance, bobs]) {
      const texts = Object.values(instanceState(handle.doc()).entities.notes!).map((n) => n.text)
      expect(texts.sort()).toEqual(['from alice', 'from bob'])
    }
    expect(repairContainers(bobs)).toBe(false)
    await stop()
  })

  it("keeps both peers' fields of one entity both created in a schema they both created", async () => {
    const { instance, bobs, definition, heal, stop } = await partitionedPeers()
    raiseEvent(instance, definition, createNote({ id: 'shared', byAlice: 'a' }))
    raiseEvent(bobs, definition, createNote({ id: 'shared', byBob: 'b' }))
    const cut = await heal()
    expect(repairContainers(instance)).toBe(true)
    await converged([instance, bobs])
    cut()
    for (const handle of [instance, bobs]) {
      expect(instanceState(handle.doc()).entities.notes?.shared).toEqual({
        id: 'shared',
        byAlice: 'a',
        byBob: 'b',
      })
    }
    await stop()
  })
})

describe('watchContainers', () => {
  it('repairs as soon as a conflicting merge arrives', async () => {
    const { instance, bobs, definition, heal, stop } = await partitionedPeers()
    const unwatch = watchContainers(instance)
    raiseEvent(instance, definition, createNote({ text: 'from alice' }))
    raiseEvent(bobs, definition, createNote({ text: 'from bob' }))
    const cut = await heal(false)
    const notes = (doc: InstanceDoc) => Object.keys(instanceState(doc).entities.notes ?? {})
    await whenDoc(instance, (doc) => notes(doc).length === 2)
    await whenDoc(bobs, (doc) => notes(doc).length === 2)
    unwatch()
    cut()
    await stop()
  })
})

/**
 * Alice's instance and Bob's copy of it, synced, then cut off from each other; `heal` links
 * them again (and waits for them to converge unless told not to) and returns the unlink.
 */
async function partitionedPeers() {
  const alice = new Repo({ network: [] })
  const bob = new Repo({ network: [] })
  const cut = link(alice, bob)
  const { project, instance } = createProject(alice, { from: file })
  const bobs = await bob.find<InstanceDoc>(instance.url)
  await converged([instance, bobs])
  cut()
  return {
    instance,
    bobs,
    definition: projectDefinition(project.doc()),
    heal: async (converge = true) => {
      const unlink = link(alice, bob)
      if (converge) await converged([instance, bobs])
      return unlink
    },
    stop: () => Promise.all([alice.shutdown(), bob.shutdown()]),
  }
}

/** "notes" is named nowhere in the project, so both peers create its map on first use. */
const createNote = (entityData: Record<string, string>) => ({
  from: 'root',
  event: '@entity/createEntity',
  payload: { schemaName: 'notes', entityData },
})
