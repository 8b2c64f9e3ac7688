import type { InstanceState, JsonObject } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import { applyEffects, type EntityStore, initialState, writeEffects } from '../src/index'
import { actor, counterIds, emptyState, project } from './helpers'

describe('applyEffects', () => {
  it('creates missing containers and writes the smallest changes', () => {
    const state: InstanceState = emptyState()
    applyEffects(state, [
      { kind: 'setContext', actorId: 'a', key: 'x', value: { deep: [1] } },
      { kind: 'setChildren', actorId: 'b', children: ['c'] },
      { kind: 'putEntity', schema: 'T', id: 't', entity: { id: 't', s: 1 } },
      { kind: 'patchEntity', schema: 'T', id: 't', changes: { s: 2, extra: true } },
      { kind: 'patchEntity', schema: 'T', id: 'missing', changes: { s: 2 } },
      { kind: 'deleteContext', actorId: 'nobody', key: 'x' },
    ])
    expect(state).toEqual({
      actors: { a: { context: { x: { deep: [1] } } }, b: { children: ['c'] } },
      entities: { T: { t: { id: 't', s: 2, extra: true } } },
    })
    applyEffects(state, [
      { kind: 'deleteContext', actorId: 'a', key: 'x' },
      { kind: 'deleteEntity', schema: 'T', id: 't' },
    ])
    expect(state).toEqual({
      actors: { a: { context: {} }, b: { children: ['c'] } },
      entities: { T: {} },
    })
  })
  it('copies values so state never shares objects with effects', () => {
    const state = emptyState()
    const value = { list: [1] }
    applyEffects(state, [{ kind: 'setContext', actorId: 'a', key: 'v', value }])
    value.list.push(2)
    expect(state.actors.a?.context?.v).toEqual({ list: [1] })
  })
  it('skips prototype keys', () => {
    const state = emptyState()
    applyEffects(state, [
      { kind: 'setContext', actorId: '__proto__', key: 'polluted', value: true },
      { kind: 'setContext', actorId: 'a', key: 'constructor', value: 1 },
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(state).toEqual({ actors: {}, entities: {} })
  })
})

describe('initialState', () => {
  it('keys entities by id, assigning ids where missing', () => {
    const file = project(
      { a: actor() },
      { entities: { T: [{ id: 'x', v: 1 }, { v: 2 }, { id: 7, v: 3 }] } },
    )
    expect(initialState(file, counterIds('g'))).toEqual({
      actors: {},
      entities: {
        T: { x: { id: 'x', v: 1 }, g00001: { v: 2, id: 'g00001' }, '7': { id: '7', v: 3 } },
      },
    })
  })
})

describe('writeEffects', () => {
  it('reads and writes entities only through the store it is given', () => {
    const kept = new Map<string, JsonObject>()
    const calls: string[] = []
    const store: EntityStore = {
      get: (schema, id) => kept.get(`${schema}/${id}`),
      put: (schema, id, entity) => {
        calls.push(`put ${schema}/${id}`)
        kept.set(`${schema}/${id}`, entity)
      },
      remove: (schema, id) => {
        calls.push(`remove ${schema}/${id}`)
        kept.delete(`${schema}/${id}`)
      },
    }
    const entity = { id: 't', s: 1 }
    const actors: InstanceState['actors'] = {}
    writeEffects(actors, store, [
      { kind: 'putEntity', schema: 'T', id: 't', entity },
      { kind: 'patchEntity', schema: 'T', id: 't', changes: { s: 2 } },
      { kind: 'putEntity', schema: 'T', id: 'u', entity: { id: 'u' } },
      { kind: 'deleteEntity', schema: 'T', id: 'u' },
      { kind: 'putEntity', schema: '__proto__', id: 'x', entity: { id: 'x' } },
      { kind: 'setContext', actorId: 'a', key: 'k', value: 1 },
    ])
    expect(calls).toEqual(['put T/t', 'put T/u', 'remove T/u'])
    expect([...kept.entries()]).toEqual([['T/t', { id: 't', s: 2 }]])
    // The store got a copy, never the effect's own object.
    expect(kept.get('T/t')).not.toBe(entity)
    expect(actors).toEqual({ a: { context: { k: 1 } } })
  })
})
