import * as A from '@automerge/automerge'
import { isImmutableString, Repo } from '@automerge/automerge-repo'
import type { ProjectFile, RaisedEvent } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import {
  createProject,
  type DocHandle,
  forwardLateWrites,
  historyEntries,
  type InstanceDoc,
  instanceState,
  LiveInstance,
  loadEarlierEpochs,
  projectDefinition,
  raiseEvents,
  rotateEpoch,
  stateAfter,
  stateBefore,
  toProjectFile,
} from '../src/index'
import { queryRootProject } from './support/query-root'

/**
 * An epoch starts with a copy of the whole state (epochs.ts). Its entities are written as
 * one immutable string each (instance/seeded-entities.ts): these tests pin that the seed is
 * that small, and that every reader and writer still sees plain entities.
 */
const notes: ProjectFile = queryRootProject('notes')

const create = (i: number): RaisedEvent => ({
  from: 'root',
  event: '@entity/createEntity',
  payload: {
    schemaName: 'notes',
    entityData: { id: `n${i}`, text: `a note with some text, number ${i}`, done: false },
  },
})
const update = (id: string, updates: Record<string, unknown>): RaisedEvent => ({
  from: 'root',
  event: '@entity/updateEntity',
  payload: { schemaName: 'notes', id, updates } as RaisedEvent['payload'],
})
const remove = (id: string): RaisedEvent => ({
  from: 'root',
  event: '@entity/deleteEntity',
  payload: { schemaName: 'notes', id },
})

const COUNT = 200

function withNotes(count = COUNT) {
  const repo = new Repo({ network: [] })
  const { project, instance } = createProject(repo, { from: notes })
  const definition = projectDefinition(project.doc())
  raiseEvents(
    instance,
    definition,
    Array.from({ length: count }, (_, i) => create(i)),
  )
  return { repo, project, instance, definition }
}

/** The operations of the change that started a new epoch from an instance with `count` notes. */
async function seedOps(count: number): Promise<number> {
  const { repo, instance } = withNotes(count)
  const next = rotateEpoch(repo, instance)
  const [seed] = A.getAllChanges(next.doc()).map((change) => A.decodeChange(change))
  await repo.shutdown()
  return seed!.ops.length
}

const stored = (handle: DocHandle<InstanceDoc>, id: string) => handle.doc().entities.notes?.[id]

describe("an epoch's seed", () => {
  it('is one change holding one operation per entity, read back as the same state', async () => {
    const { repo, instance } = withNotes()
    const next = rotateEpoch(repo, instance)
    // The whole epoch start is the first change (the second only records `included`).
    expect(A.getAllChanges(next.doc())).toHaveLength(2)
    // Written as maps, each of these entities costs a map, three keys and a text object with
    // one operation per character: over 40 operations. Seeded: one each. The rest of the
    // change is the document's own fields, the same for any number of entities but for a
    // character or two (document URLs, stored as text, vary in length).
    const extra = (await seedOps(2 * COUNT)) - (await seedOps(COUNT))
    expect(extra).toBeGreaterThanOrEqual(COUNT - 8)
    expect(extra).toBeLessThanOrEqual(COUNT + 8)
    for (let i = 0; i < COUNT; i++) expect(isImmutableString(stored(next, `n${i}`))).toBe(true)
    expect(instanceState(next.doc())).toEqual(
      JSON.parse(JSON.stringify(instanceState(instance.doc()))),
    )
    await repo.shutdown()
  }, 30_000)

  it('lets messages patch, replace and delete seeded entities, patches field by field', async () => {
    const { repo, instance, definition } = withNotes()
    const next = rotateEpoch(repo, instance)
    raiseEvents(next, definition, [update('n1', { done: true }), remove('n2')])
    const state = instanceState(next.doc()).entities.notes!
    expect(state.n1).toEqual({ id: 'n1', text: 'a note with some text, number 1', done: true })
    expect(state.n2).toBeUndefined()
    expect(Object.keys(state)).toHaveLength(COUNT - 1)
    // The patched entity is a map again; the others stay one string each.
    expect(isImmutableString(stored(next, 'n1'))).toBe(false)
    expect(isImmutableString(stored(next, 'n3'))).toBe(true)
    // Now a map, two peers' concurrent patches of different fields both survive the merge.
    const other = A.clone(next.doc())
    next.change((d) => {
      ;(d.entities.notes!.n1 as Record<string, unknown>).done = false
    })
    const theirs = A.change(other, (d) => {
      ;(d.entities.notes!.n1 as Record<string, unknown>).text = 'edited elsewhere'
    })
    next.update((doc) => A.merge(doc, theirs))
    expect(instanceState(next.doc()).entities.notes!.n1).toEqual({
      id: 'n1',
      text: 'edited elsewhere',
      done: false,
    })
    await repo.shutdown()
  })

  it('keeps an untouched entity the same object from one document version to the next', async () => {
    const { repo, instance, definition } = withNotes()
    const next = rotateEpoch(repo, instance)
    const before = instanceState(next.doc()).entities.notes!
    raiseEvents(next, definition, [update('n1', { done: true }), create(COUNT)])
    const after = instanceState(next.doc()).entities.notes!
    expect(after).not.toBe(before)
    expect(after.n5).toBe(before.n5)
    expect(after.n1).not.toBe(before.n1)
    // Nothing written: the same entities object (no copy, no parse).
    expect(instanceState(next.doc()).entities).toBe(instanceState(next.doc()).entities)
    await repo.shutdown()
  })

  it('forwards a late write to a seeded entity and travels through time with plain entities', async () => {
    const { repo, project, instance, definition } = withNotes()
    const next = rotateEpoch(repo, instance)
    // A peer that had not heard of the rotation patches an entity in the old epoch.
    raiseEvents(instance, definition, [update('n7', { text: 'late' })])
    expect(forwardLateWrites(instance, next)).toBe(true)
    expect(instanceState(next.doc()).entities.notes!.n7?.text).toBe('late')

    raiseEvents(next, definition, [update('n8', { done: true })])
    const live = new LiveInstance(repo, next)
    await loadEarlierEpochs(repo, next)
    const entries = historyEntries(next)
    const last = entries.length - 1
    expect(entries[last]!.entry.message.type).toBe('@entity/updateEntity')
    expect(stateBefore(next, last).entities.notes!.n8).toEqual({
      id: 'n8',
      text: 'a note with some text, number 8',
      done: false,
    })
    expect(stateAfter(next, last).entities.notes!.n8?.done).toBe(true)
    // Exported as a project file, the instance's entities are plain objects too.
    const exported = toProjectFile(project.doc(), next.doc()).entities?.notes ?? []
    expect(exported).toHaveLength(COUNT)
    expect(exported.find((n) => n.id === 'n7')?.text).toBe('late')
    live.close()
    await repo.shutdown()
  })
})
