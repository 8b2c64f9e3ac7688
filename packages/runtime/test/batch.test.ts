import { type InstanceState, type JsonObject, seededRandom } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import {
  applyEffects,
  coalesceEffects,
  initialState,
  processEvent,
  processEvents,
  type StateEffect,
} from '../src/index'
import { clone, counterIds, fixedClock } from './helpers'
import { randomEvent, randomProject } from './random-project'

function randomEffect(random: () => number): StateEffect {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
  const actorId = pick(['a', 'b'])
  const key = pick(['x', 'y', 'z'])
  const schema = pick(['S', 'T'])
  const id = pick(['1', '2', '3'])
  const value = Math.floor(random() * 10)
  const fields: JsonObject = { [pick(['f', 'g'])]: value }
  return pick<() => StateEffect>([
    () => ({ kind: 'setContext', actorId, key, value }),
    () => ({ kind: 'setContext', actorId, key, value: { nested: [value, { deep: key }] } }),
    () => ({ kind: 'deleteContext', actorId, key }),
    () => ({ kind: 'setChildren', actorId, children: value % 2 ? ['a'] : ['b', 'a'] }),
    () => ({ kind: 'putEntity', schema, id, entity: { id, ...fields } }),
    () => ({ kind: 'patchEntity', schema, id, changes: fields }),
    () => ({ kind: 'deleteEntity', schema, id }),
  ])()
}

function randomState(random: () => number): InstanceState {
  const state: InstanceState = { actors: {}, entities: {} }
  if (random() < 0.7) state.actors.a = { context: { x: 1, y: { z: 2 } } }
  if (random() < 0.5) state.actors.b = { context: {}, children: ['a'] }
  if (random() < 0.7) state.entities.S = { '1': { id: '1', f: 0, g: 0 }, '2': { id: '2', f: 5 } }
  return state
}

/**
 * applyEffects creates an actor's context map or a schema's map on its first write, so a set
 * that a later delete cancels leaves an empty map behind where the coalesced delete alone does
 * not. Empty and missing containers read the same (and instances create them all up front).
 */
function withoutEmptyContainers(state: InstanceState): InstanceState {
  const out = clone(state)
  for (const [id, actor] of Object.entries(out.actors)) {
    if (actor.context && !Object.keys(actor.context).length) delete actor.context
    if (!Object.keys(actor).length) delete out.actors[id]
  }
  for (const [schema, entities] of Object.entries(out.entities)) {
    if (!Object.keys(entities).length) delete out.entities[schema]
  }
  return out
}

describe('coalesceEffects', () => {
  for (const seed of [1, 2, 3, 5, 8, 13, 21, 34]) {
    it(`seed ${seed}: the coalesced effects leave every state exactly as the full sequence does`, () => {
      const random = seededRandom(seed)
      for (let round = 0; round < 300; round++) {
        const effects = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
          randomEffect(random),
        )
        const base = randomState(random)
        const sequential = clone(base)
        applyEffects(sequential, effects)
        const coalesced = clone(base)
        const fewer = coalesceEffects(effects)
        applyEffects(coalesced, fewer)
        expect(withoutEmptyContainers(coalesced)).toEqual(withoutEmptyContainers(sequential))
        expect(fewer.length).toBeLessThanOrEqual(effects.length)
      }
    })
  }

  it('keeps a patch a patch, so a concurrent edit of another field is not overwritten', () => {
    const fewer = coalesceEffects([
      { kind: 'patchEntity', schema: 'T', id: '1', changes: { status: 'done' } },
      { kind: 'patchEntity', schema: 'T', id: '1', changes: { title: 'b' } },
    ])
    expect(fewer).toEqual([
      { kind: 'patchEntity', schema: 'T', id: '1', changes: { status: 'done', title: 'b' } },
    ])
  })

  it('writes a counter bumped a hundred times once', () => {
    const effects: StateEffect[] = Array.from({ length: 100 }, (_, n) => ({
      kind: 'setContext',
      actorId: 'a',
      key: 'n',
      value: n,
    }))
    expect(coalesceEffects(effects)).toEqual([
      { kind: 'setContext', actorId: 'a', key: 'n', value: 99 },
    ])
  })
})

describe('processEvents', () => {
  for (const seed of [1, 7, 42, 1234]) {
    it(`seed ${seed}: a batch gives the same logs and final state as the events one by one`, () => {
      const random = seededRandom(seed)
      const file = randomProject(random)
      const one = initialState(file, counterIds('init'))
      const batched = clone(one)
      const events = Array.from({ length: 150 }, () => randomEvent(random))

      const oneIds = counterIds('n')
      const oneLogs = events.map((event) => {
        const result = processEvent(file, one, event, { newId: oneIds, now: fixedClock })
        applyEffects(one, result.effects)
        return result
      })

      const before = clone(batched)
      const batch = processEvents(file, batched, events, {
        newId: counterIds('n'),
        now: fixedClock,
      })
      expect(batched).toEqual(before)
      applyEffects(batched, batch.effects)
      expect(batched).toEqual(one)
      expect(batch.events.map((e) => e.log.length)).toEqual(oneLogs.map((r) => r.log.length))
      expect(batch.events.map((e) => e.log.map((l) => [l.message.id, l.outcome, l.skill]))).toEqual(
        oneLogs.map((r) => r.log.map((l) => [l.message.id, l.outcome, l.skill])),
      )
      expect(batch.events.map((e) => e.stopped?.code)).toEqual(oneLogs.map((r) => r.stopped?.code))
    })
  }
})
