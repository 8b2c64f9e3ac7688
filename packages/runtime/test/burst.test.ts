import type { RaisedEvent } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import { runEvents } from '../src/index'
import { actor, counterIds, project } from './helpers'

describe('a burst of events', () => {
  it('processes every message exactly once, none dropped', () => {
    const file = project({
      input: actor({
        subscriptions: ['input', 'list'],
        context: { queries: { q: { schemaName: 'Item', items: [] } } },
      }),
      list: actor({
        subscriptions: [],
        context: { queries: { q: { schemaName: 'Item', items: [] } } },
      }),
    })
    const count = 3000
    const events: RaisedEvent[] = Array.from({ length: count }, (_, i) => ({
      from: 'input',
      event: '@entity/createEntity',
      payload: { entityData: { n: i } },
    }))
    const { state, log } = runEvents(file, events, { newId: counterIds('x') })
    // Two subscribers per event: one message each, each creating one entity.
    expect(log).toHaveLength(2 * count)
    expect(log.every((e) => e.outcome === 'handled')).toBe(true)
    const ids = log.map((e) => e.message.id)
    expect(new Set(ids).size).toBe(ids.length)
    const items = Object.values(state.entities.Item ?? {})
    expect(items).toHaveLength(2 * count)
    const perN = new Map<number, number>()
    for (const item of items) perN.set(item.n as number, (perN.get(item.n as number) ?? 0) + 1)
    expect(perN.size).toBe(count)
    expect([...perN.values()].every((c) => c === 2)).toBe(true)
    // Message order follows event order.
    expect(
      log
        .filter((e) => e.message.to === 'list')
        .map((e) => (e.message.payload as { entityData: { n: number } }).entityData.n),
    ).toEqual(Array.from({ length: count }, (_, i) => i))
  })

  it('counts every increment of a shared counter', () => {
    const file = project(
      { a: actor({ subscriptions: ['a'], context: { n: 0 } }) },
      {
        skills: {
          INC: {
            steps: [
              { skill: '@input/updateContext', payload: { n: { $add: [{ $: 'context.n' }, 1] } } },
            ],
          },
        },
      },
    )
    const { state, log } = runEvents(
      file,
      Array.from({ length: 5000 }, () => ({ from: 'a', event: 'INC' })),
    )
    expect(log).toHaveLength(5000)
    expect(state.actors.a?.context?.n).toBe(5000)
  })
})
