import * as A from '@automerge/automerge'
import { Repo } from '@automerge/automerge-repo'
import type { RaisedEvent } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import {
  createProject,
  historyEntries,
  type InstanceDoc,
  instanceState,
  projectDefinition,
  raiseEvents,
  stateBefore,
} from '../src/index'
import { bucketOf, ENTITY_BUCKETS, toBuckets } from '../src/schema/entity-buckets'
import { INSTANCE_DOC_VERSION } from '../src/schema/instance'
import { migrateInstance } from '../src/schema/instance-migrations'
import { queryRootProject } from './support/query-root'

const create = (id: string, text = `note ${id}`): RaisedEvent => ({
  from: 'root',
  event: '@entity/createEntity',
  payload: { schemaName: 'notes', entityData: { id, text } },
})
const update = (id: string, text: string): RaisedEvent => ({
  from: 'root',
  event: '@entity/updateEntity',
  payload: { schemaName: 'notes', id, updates: { text } } as RaisedEvent['payload'],
})

describe('entity buckets', () => {
  it('puts an id in the same bucket on every peer and every version (a stored format)', () => {
    // Pinned values: changing the hash would strand every stored entity in the wrong bucket.
    expect(['n1', 'todo-42', '01JZ8QX3', ''].map(bucketOf)).toEqual(['00', '1a', '20', '05'])
    const used = new Set(Array.from({ length: 5_000 }, (_, i) => bucketOf(`t${i}`)))
    expect(used.size).toBe(ENTITY_BUCKETS)
  })

  it('writes an entity into its bucket only: every other bucket keeps its object', () => {
    const repo = new Repo({ network: [] })
    const { project, instance } = createProject(repo, { from: queryRootProject('notes') })
    const definition = projectDefinition(project.doc())
    const ids = Array.from({ length: 300 }, (_, i) => `n${i}`)
    raiseEvents(
      instance,
      definition,
      ids.map((id) => create(id)),
    )
    const before = instance.doc().entities.notes!
    expect(Object.keys(before)).toHaveLength(ENTITY_BUCKETS)
    const flatBefore = instanceState(instance.doc()).entities.notes!

    raiseEvents(instance, definition, [update('n7', 'changed')])
    const after = instance.doc().entities.notes!
    const changed = Object.keys(after).filter((key) => after[key] !== before[key])
    expect(changed).toEqual([bucketOf('n7')])
    // Read flat, it is the same state a single map held, with a new object for the new state.
    const flat = instanceState(instance.doc()).entities.notes!
    expect(flat).not.toBe(flatBefore)
    expect(Object.keys(flat).sort()).toEqual([...ids].sort())
    expect(flat.n7).toEqual({ id: 'n7', text: 'changed' })
    expect(flat.n8).toBe(flatBefore.n8)
  })
})

describe('instance documents of version 2 (one map per schema)', () => {
  /** An instance holding note "a", its entities then made to look as version 2 wrote them. */
  const asVersion2WithNoteA = () => {
    const repo = new Repo({ network: [] })
    const { project, instance } = createProject(repo, { from: queryRootProject('notes') })
    const definition = projectDefinition(project.doc())
    raiseEvents(instance, definition, [create('a')])
    instance.change((d) => {
      const flat = JSON.parse(JSON.stringify(instanceState(instance.doc()).entities))
      for (const schema of Object.keys(flat)) d.entities[schema] = flat[schema]
      d.version = 2
    })
    return { repo, instance, definition }
  }

  const flatV2 = () => {
    const notes = Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [`n${i}`, { id: `n${i}`, text: `note ${i}` }]),
    )
    return A.from<Record<string, unknown>>({
      type: 'troupe/instance',
      version: 2,
      project: 'automerge:abc',
      actors: { root: { context: { n: 1 } } },
      entities: { notes, empty: {} },
      log: [],
    })
  }

  it('moves every entity into its bucket inside one change, nothing lost', () => {
    const old = flatV2()
    const expected = JSON.parse(JSON.stringify(instanceState(old as unknown as InstanceDoc)))
    const migrated = A.change(old, (d) => {
      migrateInstance(d)
    }) as unknown as InstanceDoc
    expect(migrated.version).toBe(INSTANCE_DOC_VERSION)
    expect(A.getAllChanges(migrated as A.Doc<unknown>)).toHaveLength(2)
    expect(JSON.parse(JSON.stringify(migrated.entities))).toEqual({
      notes: JSON.parse(JSON.stringify(toBuckets(expected.entities.notes))),
      empty: JSON.parse(JSON.stringify(toBuckets({}))),
    })
    expect(JSON.parse(JSON.stringify(instanceState(migrated)))).toEqual(expected)
    // A past state from before the migration (time travel) still reads as the same entities.
    const past = A.view(migrated as A.Doc<unknown>, A.getHeads(old)) as unknown as InstanceDoc
    expect(JSON.parse(JSON.stringify(instanceState(past)))).toEqual(expected)
  })

  it('keeps time travel over messages from before and after the migration', async () => {
    const { repo, instance, definition } = asVersion2WithNoteA()
    instance.change((d) => {
      migrateInstance(d)
    })
    raiseEvents(instance, definition, [create('b')])
    expect(historyEntries(instance)).toHaveLength(2)
    expect(Object.keys(stateBefore(instance, 0).entities.notes ?? {})).toEqual([])
    // Before message 1 sits the migration's doing: the state version 2 wrote, read flat.
    expect(Object.keys(stateBefore(instance, 1).entities.notes ?? {})).toEqual(['a'])
    expect(Object.keys(instanceState(instance.doc()).entities.notes!).sort()).toEqual(['a', 'b'])
    await repo.shutdown()
  })

  it('migrates an epoch raised into without openProject (a published app) before writing', async () => {
    const { repo, instance, definition } = asVersion2WithNoteA()
    raiseEvents(instance, definition, [create('b'), update('a', 'changed')])
    expect(instance.doc().version).toBe(INSTANCE_DOC_VERSION)
    expect(Object.keys(instance.doc().entities.notes!)).toHaveLength(ENTITY_BUCKETS)
    expect(instanceState(instance.doc()).entities.notes).toEqual({
      a: { id: 'a', text: 'changed' },
      b: { id: 'b', text: 'note b' },
    })
    await repo.shutdown()
  })
})
