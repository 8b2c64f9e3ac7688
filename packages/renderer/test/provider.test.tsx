import type { InstanceState } from '@troupe/core'
import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ActorView, TroupeProvider, TroupeView } from '../src'
import { templateReads } from '../src/render/reads'
import { actor, emptyState, mount, project } from './harness'

describe('TroupeProvider and ActorView', () => {
  const definition = project({
    root: actor({ container: { layout: 'flex' } }, { children: ['a'] }),
    a: actor(
      { tag: 'button', bindings: { text: 'context.label' }, events: { click: { event: 'hit' } } },
      { context: { label: 'A' } },
    ),
    b: actor({ tag: 'span', elements: ['B'] }),
  })

  test('ActorView renders any actor of the definition inside a provider', async () => {
    const seen: string[] = []
    const { host } = mount(
      <TroupeProvider
        definition={definition}
        state={emptyState()}
        onEvent={(e) => seen.push(`${e.from}:${e.event}`)}
      >
        <aside>
          <ActorView actorId="b" />
        </aside>
        <main>
          <ActorView actorId="a" />
        </main>
      </TroupeProvider>,
    )
    expect(host.querySelector('aside > [data-actor-id="b"]')!.textContent).toBe('B')
    await userEvent.click(host.querySelector('main > [data-actor-id="a"]')!)
    expect(seen).toEqual(['a:hit'])
  })

  test('ActorView outside a provider says what is missing', () => {
    expect(() => mount(<ActorView actorId="a" />)).toThrow(/inside TroupeView or TroupeProvider/)
  })

  test('TroupeView rootId renders that actor as the root', () => {
    const state: InstanceState = {
      actors: { a: { context: { label: 'from state' } } },
      entities: {},
    }
    const { host } = mount(
      <TroupeView definition={definition} state={state} rootId="a" onEvent={() => {}} />,
    )
    expect(host.firstElementChild!.getAttribute('data-actor-id')).toBe('a')
    expect(host.textContent).toBe('from state')
  })
})

describe('templateReads', () => {
  test('collects context and dependencies paths anywhere in a template, not item paths', () => {
    const reads = templateReads({
      tag: 'button',
      bindings: {
        text: 'item.text',
        class: { $if: { test: { $: 'context.sel' }, else: 'dependencies.d.context.x' } },
      },
      events: { click: { event: 'e', payload: { a: 'context.a', b: 'item.id' } } },
    })
    expect(reads).toEqual(['context.a', 'context.sel', 'dependencies.d.context.x'])
  })

  test('a $ whose operand is computed makes the row depend on the whole scope', () => {
    const reads = templateReads({
      tag: 'span',
      bindings: { text: { $: { $concat: ['ctx', '.x'] } } },
    })
    expect(reads).toEqual(['context', 'dependencies'])
  })
})
