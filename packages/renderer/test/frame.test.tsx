import type { RaisedEvent } from '@troupe/core'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import {
  connectPreviewFrame,
  createPreviewHost,
  listenForPreviewHost,
  renderPreviewGuest,
} from '../src'
import { actor, project } from './harness'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const stop of cleanups.splice(0)) stop()
})

function container() {
  const el = document.createElement('div')
  document.body.append(el)
  cleanups.push(() => el.remove())
  return el
}

const definition = project({
  root: actor(
    {
      tag: 'button',
      bindings: { text: 'context.label' },
      events: { click: { event: '@input/updateContext', payload: { taps: 7 } } },
    },
    { context: { label: 'tap' } },
  ),
})

describe('preview frame bridge (MessageChannel)', () => {
  test('the host sends definition and state; the guest renders and sends events back', async () => {
    const channel = new MessageChannel()
    const events: RaisedEvent[] = []
    const host = createPreviewHost(channel.port1, (e) => events.push(e))
    host.update(definition, { actors: {}, entities: {} }) // before the guest is ready: kept
    const el = container()
    cleanups.push(renderPreviewGuest(channel.port2, el), () => host.dispose())
    await vi.waitFor(() => expect(el.textContent).toBe('tap'))

    host.update(definition, { actors: { root: { context: { label: 'again' } } }, entities: {} })
    await vi.waitFor(() => expect(el.textContent).toBe('again'))

    await userEvent.click(el.querySelector('button')!)
    await vi.waitFor(() =>
      expect(events).toEqual([
        { from: 'root', event: '@input/updateContext', payload: { taps: 7 } },
      ]),
    )
  })

  test('the host drops malformed events and strips prototype keys', async () => {
    const channel = new MessageChannel()
    const events: RaisedEvent[] = []
    const host = createPreviewHost(channel.port1, (e) => events.push(e))
    cleanups.push(() => host.dispose())
    const guest = channel.port2
    guest.postMessage({ type: 'troupe:event', event: { from: 1, event: 'x' } })
    guest.postMessage({ type: 'troupe:event', event: { from: 'a', event: '' } })
    guest.postMessage({
      type: 'troupe:event',
      event: { from: 'a', event: 'x', payload: new Date() },
    })
    guest.postMessage({
      type: 'troupe:event',
      event: { from: 'a', event: 'x', payload: new Map() },
    })
    guest.postMessage({ type: 'something-else' })
    guest.postMessage({
      type: 'troupe:event',
      event: {
        from: 'a',
        event: 'ok',
        payload: JSON.parse('{"__proto__": {"polluted": 1}, "n": 1}'),
      },
    })
    await vi.waitFor(() => expect(events).toHaveLength(1))
    expect(events[0]).toEqual({ from: 'a', event: 'ok', payload: { n: 1 } })
    expect(Object.hasOwn(events[0]!.payload as object, '__proto__')).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test('a frame accepts a connection only from its parent window', async () => {
    const el = container()
    cleanups.push(listenForPreviewHost(el))
    const events: RaisedEvent[] = []
    const host = connectPreviewFrame(window, (e) => events.push(e)) // this window is not our parent
    cleanups.push(() => host.dispose())
    host.update(definition, { actors: {}, entities: {} })
    await new Promise((r) => setTimeout(r, 100))
    expect(el.textContent).toBe('')
  })
})

describe('shareUnchanged (snapshots cloned across the frame boundary)', () => {
  test('keeps the previous objects for equal parts and new ones only along changed paths', async () => {
    const { shareUnchanged } = await import('../src/frame/share')
    const previous = {
      entities: { Todo: { a: { id: 'a', n: 1 }, b: { id: 'b', n: 2 } }, Other: { x: { id: 'x' } } },
      list: [1, { k: 2 }],
    }
    const next = structuredClone(previous)
    next.entities.Todo.b.n = 3
    const shared = shareUnchanged(previous, next)
    expect(shared).toEqual(next)
    expect(shared.entities.Todo.a).toBe(previous.entities.Todo.a)
    expect(shared.entities.Other).toBe(previous.entities.Other)
    expect(shared.list).toBe(previous.list)
    expect(shared.entities.Todo.b).not.toBe(previous.entities.Todo.b)
    expect(shared.entities.Todo).not.toBe(previous.entities.Todo)
    expect(shareUnchanged(previous, structuredClone(previous))).toBe(previous)
    const removed = structuredClone(previous) as { entities: { Todo: Record<string, unknown> } }
    delete removed.entities.Todo.b
    expect(Object.keys(shareUnchanged(previous, removed).entities.Todo)).toEqual(['a'])
  })

  test('a guest given a fresh copy with one changed entity updates that row and keeps every row element', async () => {
    const channel = new MessageChannel()
    const host = createPreviewHost(channel.port1, () => {})
    const el = container()
    cleanups.push(renderPreviewGuest(channel.port2, el), () => host.dispose())
    const list = project({
      root: actor(
        {
          container: { layout: 'content', tag: 'ul' },
          foreach: {
            items: 'context.queries.all.items',
            key: 'id',
            leaf: { tag: 'li', bindings: { text: 'item.text' } },
          },
        },
        { context: { queries: { all: { schemaName: 'T', items: [] } } } },
      ),
    })
    const entities: Record<string, { id: string; text: string }> = {}
    for (let i = 0; i < 50; i++) entities[`t${i}`] = { id: `t${i}`, text: `row ${i}` }
    host.update(list, { actors: {}, entities: { T: entities } })
    await vi.waitFor(() => expect(el.querySelectorAll('li')).toHaveLength(50))
    const before = [...el.querySelectorAll('li')]
    host.update(list, {
      actors: {},
      entities: { T: { ...entities, t7: { id: 't7', text: 'changed' } } },
    })
    await vi.waitFor(() => expect(el.querySelectorAll('li')[7]?.textContent).toBe('changed'))
    const after = [...el.querySelectorAll('li')]
    // Same DOM nodes throughout: React kept every row (a remount would make new ones).
    expect(after.every((li, i) => li === before[i])).toBe(true)
  })

  test('after the first render the host sends only the actors that changed, and the guest shows them', async () => {
    const channel = new MessageChannel()
    const sent: { type: string; definition: Record<string, unknown> }[] = []
    const host = createPreviewHost(channel.port1, () => {})
    // A recording guest: acknowledges and keeps what it gets.
    channel.port2.onmessage = (e) => sent.push(e.data)
    channel.port2.postMessage({ type: 'troupe:ready' })
    cleanups.push(() => host.dispose())
    const two = project({
      root: actor(
        { container: { layout: 'flex' }, children: [{ slot: 'a', actor: 'a' }] },
        {
          children: ['a', 'b'],
        },
      ),
      a: actor({ tag: 'p', elements: ['first'] }),
      b: actor({ tag: 'p', elements: ['second'] }),
    })
    const state = { actors: {}, entities: {} }
    await new Promise((r) => setTimeout(r, 20))
    host.update(two, state)
    const edited = {
      ...two,
      actors: { ...two.actors, a: actor({ tag: 'p', elements: ['edited'] }) },
    }
    host.update(edited, state)
    await vi.waitFor(() => expect(sent).toHaveLength(2))
    expect(sent[0]!.type).toBe('troupe:render')
    expect(sent[1]).toEqual({
      type: 'troupe:patch',
      definition: { actors: { entries: { a: edited.actors.a }, removed: [] } },
      state: {},
    })
  })
})

describe('snapshot patches', () => {
  test('applying a patch gives the new snapshot, keeping every unchanged object', async () => {
    const { snapshotPatch, applySnapshotPatch } = await import('../src/frame/patch')
    const previous = {
      root: 'r',
      actors: { r: { view: { tag: 'p' } }, a: { view: { tag: 'p', elements: ['x'] } }, gone: {} },
      skills: { s: { steps: [] } },
    }
    const next = {
      root: 'a',
      actors: { r: previous.actors.r, a: { view: { tag: 'p', elements: ['y'] } }, added: {} },
      skills: previous.skills,
    }
    // The guest holds its own copy of what the host sent (the frame boundary clones).
    const held = structuredClone(previous)
    const patch = structuredClone(snapshotPatch(previous, next))
    expect(Object.keys(patch).sort()).toEqual(['actors', 'root'])
    const applied = applySnapshotPatch(held, patch)
    expect(applied).toEqual(next)
    expect(applied.actors.r).toBe(held.actors.r)
    expect(applied.skills).toBe(held.skills)
    expect(applied.actors.a.view.tag).toBe('p')
  })

  test('an id such as __proto__ stays data and pollutes nothing', async () => {
    const { snapshotPatch, applySnapshotPatch } = await import('../src/frame/patch')
    const previous = { actors: { a: { n: 1 } } }
    const next = { actors: JSON.parse('{"a": {"n": 1}, "__proto__": {"polluted": 1}}') }
    const applied = applySnapshotPatch(previous, structuredClone(snapshotPatch(previous, next)))
    expect(Object.hasOwn(applied.actors, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(applied.actors)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
