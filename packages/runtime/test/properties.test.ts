import { type InstanceState, seededRandom } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import { applyEffects, initialState, Overlay, processEvent, StateReader } from '../src/index'
import { clone, counterIds } from './helpers'
import { actorIds, randomEvent, randomProject } from './random-project'

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
