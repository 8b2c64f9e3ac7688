import * as A from '@automerge/automerge'
import { Repo } from '@automerge/automerge-repo'
import type { ProjectFile, RaisedEvent } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import {
  createProject,
  forwardLateWrites,
  historyEntries,
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
import { bucketOf } from '../src/schema/entity-buckets'
import { queryRootProject } from './support/query-root'

/**
 * An epoch starts with a copy of the whole state (epochs.ts), entities included: these tests
 * pin that messages patch and delete the copies, that concurrent patches merge per field,
 * and that forwarding, time travel and export see the copies as plain entities.
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

describe('the entities an epoch starts with', () => {
  it('lets messages patch and delete copied entities, patches merging field by field', async () => {
    const { repo, instance, definition } = withNotes()
    const next = rotateEpoch(repo, instance)
    raiseEvents(next, definition, [update('n1', { done: true }), remove('n2')])
    const state = instanceState(next.doc()).entities.notes!
    expect(state.n1).toEqual({ id: 'n1', text: 'a note with some text, number 1', done: true })
    expect(state.n2).toBeUndefined()
    expect(Object.keys(state)).toHaveLength(COUNT - 1)
    // Two peers' concurrent patches of different fields of one copied entity both survive.
    const other = A.clone(next.doc())
    next.change((d) => {
      ;(d.entities.notes![bucketOf('n1')]!.n1 as Record<string, unknown>).done = false
    })
    const theirs = A.change(other, (d) => {
      ;(d.entities.notes![bucketOf('n1')]!.n1 as Record<string, unknown>).text = 'edited elsewhere'
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

  it('forwards a late write to a copied entity and travels through time with plain entities', async () => {
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
