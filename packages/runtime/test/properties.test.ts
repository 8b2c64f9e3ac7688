import type { InstanceState, Json, ProjectFile, RaisedEvent } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import { applyEffects, initialState, Overlay, processEvent, StateReader } from '../src/index'
import { actor, clone, counterIds, project, seededRandom } from './helpers'

const actorIds = ['a', 'b', 'c']

function randomProject(random: () => number): ProjectFile {
  const pick = () => actorIds.filter(() => random() < 0.5)
  const actors = Object.fromEntries(
    actorIds.map((id) => [
      id,
      actor({
        subscriptions: pick(),
        context: {
          n: 0,
          viewActors: { one: 'a', two: 'b' },
          queries: { t: { schemaName: 'T', items: [] } },
        },
      }),
    ]),
  )
  return project(actors, {
    skills: {
      BUMP: {
        steps: [
          { skill: '@input/updateContext', payload: { n: { $add: [{ $: 'context.n' }, 1] } } },
          {
            skill: '@actor/emit',
            payload: { event: '@ui/toggleVisible' },
            when: { $lt: [{ $: 'context.n' }, 3] },
          },
        ],
      },
    },
    entities: {
      T: [
        { id: 'e1', status: 'todo' },
        { id: 'e2', status: 'done' },
      ],
    },
    settings: { cascadeLimit: 20 },
  })
}

function randomEvent(random: () => number): RaisedEvent {
  const from = actorIds[Math.floor(random() * actorIds.length)]!
  const id = ['e1', 'e2', 'e3', 'missing'][Math.floor(random() * 4)]!
  const events: [string, Json][] = [
    ['@input/updateContext', { k: Math.floor(random() * 5), n: Math.floor(random() * 3) }],
    ['@entity/createEntity', { entityData: { id: 'e3', status: 'new' } }],
    ['@entity/updateEntity', { id, status: 'x' }],
    ['@entity/deleteEntity', { id }],
    ['@entity/toggleStatus', { id, value1: 'done', value2: 'todo' }],
    ['@entity/clearEntities', { schemaName: 'T' }],
    ['@view/swapActors', { viewMode: random() < 0.5 ? 'one' : 'three' }],
    ['@ui/updateInput', { fieldPath: 'context.form.field', value: random() }],
    ['@ui/toggleVisible', {}],
    ['BUMP', {}],
    ['UNKNOWN', {}],
  ]
  const [event, payload] = events[Math.floor(random() * events.length)]!
  return { from, event, payload }
}

/** Everything an overlay says about the actors and schemas involved, as plain data. */
function readAll(source: Overlay | StateReader): InstanceState {
  const state: InstanceState = { actors: {}, entities: {} }
  for (const id of actorIds) {
    const context = source.context(id)
    const children = source.children(id)
    if (context || children)
      state.actors[id] = { ...(context ? { context } : {}), ...(children ? { children } : {}) }
  }
  for (const schema of source.schemas()) {
    const entities = source.entities(schema)
    if (entities) state.entities[schema] = entities
  }
  return clone(state)
}

describe('seeded properties', () => {
  for (const seed of [1, 2, 3, 42, 1234, 9001]) {
    it(`seed ${seed}: processEvent never mutates its input, and effects applied to a clone equal the overlay`, () => {
      const random = seededRandom(seed)
      const file = randomProject(random)
      const state = initialState(file, counterIds('init'))
      const newId = counterIds('n')
      for (let step = 0; step < 200; step++) {
        const event = randomEvent(random)
        const before = clone(state)
        const result = processEvent(file, state, event, { newId, now: () => step })
        expect(state).toEqual(before)

        const overlay = new Overlay(new StateReader(state))
        for (const effect of result.effects) overlay.apply(effect)
        const applied = clone(state)
        applyEffects(applied, result.effects)
        expect(readAll(new StateReader(applied))).toEqual(readAll(overlay))

        applyEffects(state, result.effects)
        expect(state).toEqual(applied)
        // Every message of the cascade is logged once.
        const ids = result.log.map((e) => e.message.id)
        expect(new Set(ids).size).toBe(ids.length)
      }
    })
  }
})
