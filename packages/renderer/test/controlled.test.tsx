import type { InstanceState, JsonObject, ProjectDefinition, RaisedEvent } from '@troupe/core'
import { useCallback, useState } from 'react'
import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { TroupeView } from '../src'
import { actor, mount, project } from './harness'

/**
 * A stand-in for the real round-trip's timing only: each raised `@input/updateContext` is
 * merged into the actor's context after `delay` ms, in order, as the documents layer would.
 */
function AsyncApp({ definition, delay }: { definition: ProjectDefinition; delay: number }) {
  const [state, setState] = useState<InstanceState>({ actors: {}, entities: {} })
  const onEvent = useCallback(
    (e: RaisedEvent) => {
      const apply = (payload: JsonObject) =>
        setState((s) => ({
          ...s,
          actors: {
            ...s.actors,
            [e.from]: {
              ...s.actors[e.from],
              context: { ...s.actors[e.from]?.context, ...payload },
            },
          },
        }))
      if (e.event === '@input/updateContext')
        setTimeout(() => apply(e.payload as JsonObject), delay)
      if (e.event === 'submit') setTimeout(() => apply({ text: '' }), delay)
    },
    [delay],
  )
  return <TroupeView definition={definition} state={state} onEvent={onEvent} />
}

const field = project({
  root: actor(
    {
      tag: 'form',
      events: { submit: { event: 'submit' } },
      elements: [
        {
          tag: 'input',
          attributes: { id: 'f' },
          bindings: { value: 'context.text' },
          events: { input: { event: '@input/updateContext' } },
        },
        { tag: 'span', attributes: { id: 'echo' }, bindings: { text: 'context.text' } },
      ],
    },
    { context: { text: '' } },
  ),
})

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('bound form fields', () => {
  for (const delay of [0, 25, 80]) {
    test(`typing "hello" quickly keeps every character and the caret at the end (echo after ${delay} ms)`, async () => {
      const { host } = mount(<AsyncApp definition={field} delay={delay} />)
      const input = host.querySelector<HTMLInputElement>('#f')!
      await userEvent.type(input, 'hello')
      expect(input.value).toBe('hello')
      await settle(delay + 100)
      expect(input.value).toBe('hello')
      expect(input.selectionStart).toBe(5)
      expect(input.selectionEnd).toBe(5)
      expect(host.querySelector('#echo')!.textContent).toBe('hello')
    })
  }

  test('typing in the middle keeps the caret where it was while echoes arrive', async () => {
    const { host } = mount(<AsyncApp definition={field} delay={30} />)
    const input = host.querySelector<HTMLInputElement>('#f')!
    await userEvent.type(input, 'held')
    await settle(100)
    input.setSelectionRange(3, 3)
    await userEvent.keyboard('lo wor')
    expect(input.value).toBe('hello word')
    await settle(100)
    expect(input.value).toBe('hello word')
    expect(input.selectionStart).toBe(9)
  })

  test('a value the field did not send (a skill cleared it) replaces the text', async () => {
    const { host } = mount(<AsyncApp definition={field} delay={20} />)
    const input = host.querySelector<HTMLInputElement>('#f')!
    await userEvent.type(input, 'milk{Enter}')
    await settle(120)
    expect(input.value).toBe('')
    await userEvent.type(input, 'eggs')
    await settle(120)
    expect(input.value).toBe('eggs')
  })

  test('a state change from elsewhere shows when the field is idle', () => {
    const app = mount(
      <TroupeView definition={field} state={{ actors: {}, entities: {} }} onEvent={() => {}} />,
    )
    app.rerender(
      <TroupeView
        definition={field}
        state={{ actors: { root: { context: { text: 'from a peer' } } }, entities: {} }}
        onEvent={() => {}}
      />,
    )
    expect(app.host.querySelector<HTMLInputElement>('#f')!.value).toBe('from a peer')
  })
})
