import { DEFAULT_CASCADE_LIMIT, effectiveContext } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import { applyEffects, initialState, processEvent, runEvents } from '../src/index'
import { actor, clone, counterIds, fixedClock, project } from './helpers'

describe('delivery along subscriptions', () => {
  const file = project({
    a: actor({ subscriptions: ['b', 'c'] }),
    b: actor({ subscriptions: ['b'] }),
    c: actor(),
  })
  it('sends one message per subscription, in order, and not to the sender', () => {
    const result = processEvent(
      file,
      initialState(file),
      { from: 'a', event: '@input/updateContext', payload: { v: 1 } },
      { now: fixedClock, newId: counterIds('m') },
    )
    expect(result.log.map((e) => e.message)).toEqual([
      {
        id: 'm00001',
        type: '@input/updateContext',
        payload: { v: 1 },
        from: 'a',
        to: 'b',
        timestamp: 1000,
      },
      {
        id: 'm00002',
        type: '@input/updateContext',
        payload: { v: 1 },
        from: 'a',
        to: 'c',
        timestamp: 1000,
      },
    ])
    expect(result.effects).toEqual([
      { kind: 'setContext', actorId: 'b', key: 'v', value: 1 },
      { kind: 'setContext', actorId: 'c', key: 'v', value: 1 },
    ])
  })
  it('handles its own events only when self-subscribed', () => {
    const state = initialState(file)
    expect(
      processEvent(file, state, { from: 'c', event: '@input/updateContext', payload: { v: 1 } })
        .log,
    ).toEqual([])
    const own = processEvent(file, state, {
      from: 'b',
      event: '@input/updateContext',
      payload: { v: 2 },
    })
    expect(own.log.map((e) => e.message.to)).toEqual(['b'])
  })
  it('logs unknown types as unhandled, not failed', () => {
    const result = processEvent(file, initialState(file), {
      from: 'a',
      event: 'NOBODY_HANDLES_THIS',
    })
    expect(result.log.map((e) => e.outcome)).toEqual(['unhandled', 'unhandled'])
    expect(result.log[0]?.error).toBeUndefined()
    expect(result.log[0]?.message.payload).toEqual({})
    expect(result.effects).toEqual([])
  })
  it('reports an event from a missing actor', () => {
    const result = processEvent(file, initialState(file), { from: 'ghost', event: 'X' })
    expect(result.stopped?.code).toBe('TRP-110')
    expect(result.log).toEqual([])
  })
})

describe('atomic messages', () => {
  it('keeps none of a failing message and all of the others', () => {
    const file = project(
      {
        a: actor({
          subscriptions: ['a'],
          context: { queries: { t: { schemaName: 'Todo', items: [] } } },
        }),
      },
      {
        skills: {
          HALF: {
            steps: [
              { skill: '@input/updateContext', payload: { before: 'written' } },
              { skill: '@entity/deleteEntity', payload: { id: 'missing' } },
            ],
          },
        },
        entities: { Todo: [{ id: 't1' }] },
      },
    )
    const { state, log } = runEvents(file, [
      { from: 'a', event: '@input/updateContext', payload: { first: 1 } },
      { from: 'a', event: 'HALF' },
      { from: 'a', event: '@input/updateContext', payload: { last: 3 } },
    ])
    expect(log.map((e) => e.outcome)).toEqual(['handled', 'failed', 'handled'])
    expect(log[1]?.error).toMatchObject({ code: 'TRP-140', actorId: 'a' })
    expect(log[1]?.error?.message).toContain('no entity with id "missing"')
    expect(state.actors.a?.context).toEqual({ first: 1, last: 3 })
  })
  it('a later message of the same cascade sees an earlier one, a failed one is invisible', () => {
    const file = project(
      { a: actor({ subscriptions: ['b', 'c', 'd'] }), b: actor(), c: actor(), d: actor() },
      {
        skills: {
          STEP: {
            steps: [
              {
                skill: '@input/updateContext',
                payload: { seen: { $: 'dependencies.b.context.count' } },
              },
            ],
          },
        },
      },
    )
    file.actors.c!.dependencies = { b: 'b' }
    file.actors.d!.dependencies = { b: 'b' }
    file.actors.b!.context = { count: 0 }
    // b increments, c and d read b's count through dependencies.
    file.skills!.STEP!.steps.unshift({
      skill: '@input/updateContext',
      payload: { count: { $add: [{ $: 'context.count' }, 1] } },
      when: { $eq: [{ $: 'context.count' }, 0] },
    })
    const state = initialState(file)
    const result = processEvent(file, state, { from: 'a', event: 'STEP' })
    applyEffects(state, result.effects)
    expect(effectiveContext(file, state, 'b').count).toBe(1)
    expect(effectiveContext(file, state, 'c').seen).toBe(1)
    expect(effectiveContext(file, state, 'd').seen).toBe(1)
  })
})

describe('cascade bound', () => {
  const loop = (settings?: { cascadeLimit: number }) =>
    project(
      { a: actor({ subscriptions: ['a'], context: { n: 0 } }) },
      {
        skills: {
          TICK: {
            steps: [
              { skill: '@input/updateContext', payload: { n: { $add: [{ $: 'context.n' }, 1] } } },
              { skill: '@actor/emit', payload: { event: 'TICK' } },
            ],
          },
        },
        ...(settings ? { settings } : {}),
      },
    )

  it('stops a self-subscribed emit cycle at the default limit and keeps what was done', () => {
    const file = loop()
    const state = initialState(file)
    const result = processEvent(file, state, { from: 'a', event: 'TICK' })
    const handled = result.log.filter((e) => e.outcome === 'handled')
    expect(handled).toHaveLength(DEFAULT_CASCADE_LIMIT)
    expect(result.log.at(-1)).toMatchObject({
      outcome: 'cascade-stopped',
      depth: DEFAULT_CASCADE_LIMIT,
    })
    expect(result.stopped?.code).toBe('TRP-141')
    applyEffects(state, result.effects)
    expect(state.actors.a?.context?.n).toBe(DEFAULT_CASCADE_LIMIT)
  })
  it('uses the project setting, and the option over it', () => {
    const file = loop({ cascadeLimit: 5 })
    const state = initialState(file)
    const bySetting = processEvent(file, state, { from: 'a', event: 'TICK' })
    expect(bySetting.log.filter((e) => e.outcome === 'handled')).toHaveLength(5)
    const byOption = processEvent(file, state, { from: 'a', event: 'TICK' }, { cascadeLimit: 2 })
    expect(byOption.log.map((e) => e.outcome)).toEqual(['handled', 'handled', 'cascade-stopped'])
  })
  it('the app keeps running after a stopped cascade', () => {
    const file = loop({ cascadeLimit: 3 })
    const { state, log, stopped } = runEvents(file, [
      { from: 'a', event: 'TICK' },
      { from: 'a', event: '@input/updateContext', payload: { after: true } },
    ])
    expect(stopped).toHaveLength(1)
    expect(log.at(-1)?.outcome).toBe('handled')
    expect(state.actors.a?.context).toEqual({ n: 3, after: true })
  })
  it('processes breadth-first', () => {
    const file = project({
      root: actor({ subscriptions: ['x', 'y'] }),
      x: actor({ subscriptions: ['x2'] }),
      y: actor({ subscriptions: ['y2'] }),
      x2: actor(),
      y2: actor(),
    })
    const result = processEvent(file, initialState(file), {
      from: 'root',
      event: '@actor/emit',
      payload: { event: 'LEAF' },
    })
    expect(result.log.map((e) => `${e.message.to}:${e.depth}`)).toEqual([
      'x:0',
      'y:0',
      'x2:1',
      'y2:1',
    ])
  })
})

describe('purity', () => {
  it('never mutates the state it reads', () => {
    const file = project(
      {
        a: actor({
          subscriptions: ['a'],
          context: { queries: { t: { schemaName: 'T', items: [] } } },
        }),
      },
      { entities: { T: [{ id: 'x', s: 1 }] } },
    )
    const state = initialState(file)
    const before = clone(state)
    processEvent(file, state, {
      from: 'a',
      event: '@entity/updateEntity',
      payload: { id: 'x', s: 2 },
    })
    processEvent(file, state, {
      from: 'a',
      event: '@entity/clearEntities',
      payload: { schemaName: 'T' },
    })
    processEvent(file, state, { from: 'a', event: '@input/updateContext', payload: { k: 1 } })
    expect(state).toEqual(before)
  })
})
