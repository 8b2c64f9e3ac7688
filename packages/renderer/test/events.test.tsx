import { act } from 'react'
import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { actor, project, renderApp } from './harness'

describe('events', () => {
  test('click raises the event with the payload resolved against context and item', async () => {
    const app = renderApp(
      project(
        {
          list: actor(
            {
              container: { layout: 'flex', tag: 'ul' },
              foreach: {
                items: 'context.rows',
                key: 'id',
                leaf: {
                  tag: 'button',
                  bindings: { text: 'item.name' },
                  events: {
                    click: {
                      event: '@entity/deleteEntity',
                      payload: { id: 'item.id', list: 'context.title', literal: 'hello', n: 2 },
                    },
                  },
                },
              },
            },
            {
              context: {
                title: 'T',
                rows: [
                  { id: 'r1', name: 'one' },
                  { id: 'r2', name: 'two' },
                ],
              },
            },
          ),
        },
        'list',
      ),
    )
    const buttons = app.host.querySelectorAll('button')
    await userEvent.click(buttons[1]!)
    expect(app.events).toEqual([
      {
        from: 'list',
        event: '@entity/deleteEntity',
        payload: { id: 'r2', list: 'T', literal: 'hello', n: 2 },
      },
    ])
  })

  test('a string payload is a path; ….id gives { id }', async () => {
    const app = renderApp(
      project({
        root: actor(
          {
            tag: 'div',
            elements: [
              {
                tag: 'button',
                attributes: { id: 'a' },
                events: { click: { event: 'pick', payload: 'context.sel.id' } },
              },
              {
                tag: 'button',
                attributes: { id: 'b' },
                events: { click: { event: 'say', payload: 'context.word' } },
              },
              { tag: 'button', attributes: { id: 'c' }, events: { click: { event: 'bare' } } },
            ],
          },
          { context: { sel: { id: 7 }, word: 'hi' } },
        ),
      }),
    )
    await userEvent.click(app.host.querySelector('#a')!)
    await userEvent.click(app.host.querySelector('#b')!)
    await userEvent.click(app.host.querySelector('#c')!)
    expect(app.events.map((e) => e.payload)).toEqual([{ id: 7 }, 'hi', {}])
  })

  test('input adds the field value under the last segment of bindings.value', async () => {
    const app = renderApp(
      project({
        root: actor(
          {
            tag: 'input',
            bindings: { value: 'context.newTodoText' },
            events: { input: { event: '@input/updateContext' } },
          },
          { context: { newTodoText: '' } },
        ),
      }),
    )
    await userEvent.type(app.actorEl('root')!, 'ab')
    expect(app.events).toEqual([
      { from: 'root', event: '@input/updateContext', payload: { newTodoText: 'a' } },
      { from: 'root', event: '@input/updateContext', payload: { newTodoText: 'ab' } },
    ])
  })

  test('change fires on commit (blur), not per keystroke', async () => {
    const app = renderApp(
      project({
        root: actor(
          {
            tag: 'div',
            elements: [
              {
                tag: 'input',
                attributes: { id: 'f' },
                events: { change: { event: 'committed', payload: { by: 'context.who' } } },
              },
              { tag: 'button', elements: ['elsewhere'] },
            ],
          },
          { context: { who: 'me' } },
        ),
      }),
    )
    await userEvent.type(app.host.querySelector('#f')!, 'xyz')
    expect(app.events).toEqual([])
    await userEvent.click(app.host.querySelector('button')!)
    expect(app.events).toEqual([
      { from: 'root', event: 'committed', payload: { by: 'me', value: 'xyz' } },
    ])
  })

  test('select and checkbox raise change with their value', async () => {
    const app = renderApp(
      project({
        root: actor(
          {
            tag: 'div',
            elements: [
              {
                tag: 'select',
                bindings: { value: 'context.color' },
                events: { change: { event: 'color' } },
                elements: [
                  { tag: 'option', attributes: { value: 'red' }, elements: ['Red'] },
                  { tag: 'option', attributes: { value: 'blue' }, elements: ['Blue'] },
                ],
              },
              {
                tag: 'input',
                attributes: { type: 'checkbox' },
                bindings: { value: 'context.done' },
                events: { change: { event: 'done' } },
              },
            ],
          },
          { context: { color: 'red', done: false } },
        ),
      }),
    )
    await userEvent.selectOptions(app.host.querySelector('select')!, 'blue')
    await userEvent.click(app.host.querySelector('input')!)
    expect(app.events).toEqual([
      { from: 'root', event: 'color', payload: { color: 'blue' } },
      { from: 'root', event: 'done', payload: { done: true } },
    ])
  })

  test('submit raises the event and never reloads the page', async () => {
    const app = renderApp(
      project({
        root: actor(
          {
            tag: 'form',
            events: {
              submit: {
                event: '@entity/createEntity',
                payload: { entityData: { $: 'context.draft' } },
              },
            },
            elements: [
              { tag: 'input', attributes: { name: 'q' } },
              { tag: 'button', attributes: { type: 'submit' }, elements: ['Go'] },
            ],
          },
          { context: { draft: 'milk' } },
        ),
      }),
    )
    const marker = Math.random()
    ;(window as unknown as { __marker: number }).__marker = marker
    // Read after React's handler: the document sees the event once it bubbled past the root.
    let prevented = false
    document.addEventListener('submit', (e) => (prevented = e.defaultPrevented), { once: true })
    await userEvent.click(app.host.querySelector('button')!)
    expect(prevented).toBe(true)
    expect(app.events).toEqual([
      { from: 'root', event: '@entity/createEntity', payload: { entityData: 'milk' } },
    ])
    expect((window as unknown as { __marker: number }).__marker).toBe(marker)
  })

  test('a form without a submit event still never submits', async () => {
    const app = renderApp(
      project({ root: actor({ tag: 'form', elements: [{ tag: 'button', elements: ['Go'] }] }) }),
    )
    // Read after React's handler: the document sees the event once it bubbled past the root.
    let prevented = false
    document.addEventListener('submit', (e) => (prevented = e.defaultPrevented), { once: true })
    await userEvent.click(app.host.querySelector('button')!)
    expect(prevented).toBe(true)
  })

  test('focus, blur, keydown and keyup raise their events', async () => {
    const app = renderApp(
      project({
        root: actor({
          tag: 'input',
          events: {
            focus: { event: 'f' },
            keydown: { event: 'kd' },
            keyup: { event: 'ku' },
            blur: { event: 'b' },
          },
        }),
      }),
    )
    const input = app.actorEl('root') as HTMLInputElement
    await userEvent.click(input)
    await userEvent.keyboard('x')
    act(() => input.blur())
    expect(app.events.map((e) => e.event)).toEqual(['f', 'kd', 'ku', 'b'])
  })

  test('dragstart and drop raise their events; drop is allowed by preventing dragover', () => {
    const app = renderApp(
      project({
        root: actor(
          {
            tag: 'div',
            elements: [
              {
                tag: 'span',
                attributes: { id: 'src', draggable: 'true' },
                events: { dragstart: { event: 'ds', payload: { what: 'context.thing' } } },
              },
              { tag: 'div', attributes: { id: 'dst' }, events: { drop: { event: 'dr' } } },
            ],
          },
          { context: { thing: 'card' } },
        ),
      }),
    )
    const dataTransfer = new DataTransfer()
    act(() => {
      app.host
        .querySelector('#src')!
        .dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer }))
    })
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer })
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer })
    act(() => {
      app.host.querySelector('#dst')!.dispatchEvent(over)
      app.host.querySelector('#dst')!.dispatchEvent(drop)
    })
    expect(over.defaultPrevented).toBe(true)
    expect(drop.defaultPrevented).toBe(true)
    expect(app.events).toEqual([
      { from: 'root', event: 'ds', payload: { what: 'card' } },
      { from: 'root', event: 'dr', payload: {} },
    ])
  })

  test('events on a composite container', async () => {
    const app = renderApp(
      project({
        root: actor(
          {
            container: { layout: 'flex' },
            events: { click: { event: 'container-click', payload: { n: 'context.n' } } },
            children: [{ slot: 'b', leaf: { tag: 'button', elements: ['inner'] } }],
          },
          { context: { n: 5 } },
        ),
      }),
    )
    await userEvent.click(app.host.querySelector('button')!)
    expect(app.events).toEqual([{ from: 'root', event: 'container-click', payload: { n: 5 } }])
  })

  test('onEvent is read at event time: a new callback prop is used without re-rendering', async () => {
    const seen: string[] = []
    const definition = project({
      root: actor({ tag: 'button', events: { click: { event: 'x' } } }),
    })
    const app = renderApp(definition)
    const { TroupeView } = await import('../src')
    app.rerender(
      <TroupeView
        definition={definition}
        state={{ actors: {}, entities: {} }}
        onEvent={(e) => seen.push(e.event)}
      />,
    )
    await userEvent.click(app.actorEl('root')!)
    expect(seen).toEqual(['x'])
  })
})
