import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { actor, project, renderApp } from './harness'

const app3 = (bad: ReturnType<typeof actor>) =>
  renderApp(
    project({
      root: actor({ container: { layout: 'flex' } }, { children: ['before', 'bad', 'after'] }),
      before: actor({ tag: 'p', elements: ['before'] }),
      bad,
      after: actor({ tag: 'p', elements: ['after'] }),
    }),
  )

function expectIsolated(app: ReturnType<typeof renderApp>, ...parts: string[]) {
  const box = app.actorEl('bad')!
  expect(box.getAttribute('role')).toBe('alert')
  expect(box.textContent).toContain('“bad”')
  for (const part of parts) expect(box.textContent).toContain(part)
  expect(app.actorEl('before')!.textContent).toBe('before')
  expect(app.actorEl('after')!.textContent).toBe('after')
}

describe('errors stay inside their actor', () => {
  test('a tag outside the allow-list', () => {
    const app = app3(
      actor({ tag: 'div', elements: [{ tag: 'script', elements: ['window.__pwned = 1'] }] }),
    )
    expectIsolated(app, 'TRP-120', 'view.elements[0].tag')
    expect(document.querySelector('script[data-x], [data-actor-id] script')).toBeNull()
  })

  test('a JavaScript-string expression is refused with the $ form to write', () => {
    const app = app3(actor({ tag: 'span', bindings: { visible: "item.status === 'done'" } }))
    expectIsolated(app, 'TRP-123', 'view.bindings.visible')
  })

  test('an expression that fails only on the data (not statically) shows its code and path', () => {
    const app = app3(
      actor(
        { tag: 'span', bindings: { text: { $div: [1, { $: 'context.zero' }] } } },
        { context: { zero: 'not a number' } },
      ),
    )
    expectIsolated(app, 'TRP-128', 'view.bindings.text')
  })

  test('the boundary catches any thrown render error with TRP-130 and the actor path', () => {
    // A getter that throws inside the state object: the renderer cannot validate it away.
    const hostile = {
      get boom(): string {
        throw new Error('state exploded')
      },
    }
    const app = renderApp(
      project({
        root: actor({ container: { layout: 'flex' } }, { children: ['before', 'bad', 'after'] }),
        before: actor({ tag: 'p', elements: ['before'] }),
        bad: actor({ tag: 'p', bindings: { text: 'context.boom' } }),
        after: actor({ tag: 'p', elements: ['after'] }),
      }),
      { actors: { bad: { context: hostile as never } }, entities: {} },
    )
    expectIsolated(app, 'TRP-130', 'state exploded')
  })

  test('a missing child actor is reported where it is referenced', () => {
    const app = renderApp(
      project({
        root: actor({ container: { layout: 'flex' } }, { children: ['ghost', 'after'] }),
        after: actor({ tag: 'p', elements: ['after'] }),
      }),
    )
    expect(app.actorEl('ghost')!.textContent).toContain('TRP-110')
    expect(app.actorEl('after')!.textContent).toBe('after')
  })

  test('a children cycle stops with TRP-112 instead of recursing forever', () => {
    const app = renderApp(
      project({
        root: actor({ container: { layout: 'flex' } }, { children: ['a'] }),
        a: actor({ container: { layout: 'flex' } }, { children: ['root'] }),
      }),
    )
    expect(app.host.textContent).toContain('TRP-112')
  })

  test('an error box recovers once the view is fixed', () => {
    const bad = project({ root: actor({ tag: 'blink' }) })
    const app = renderApp(bad)
    expect(app.actorEl('root')!.textContent).toContain('TRP-120')
    app.update(project({ root: actor({ tag: 'p', elements: ['fixed'] }) }), {
      actors: {},
      entities: {},
    })
    expect(app.actorEl('root')!.textContent).toBe('fixed')
    expect(app.host.querySelector('[role="alert"]')).toBeNull()
  })

  test('an event payload that cannot be resolved shows the error instead of sending', async () => {
    const app = renderApp(
      project({
        root: actor({ container: { layout: 'flex' } }, { children: ['bad', 'after'] }),
        bad: actor({
          tag: 'button',
          elements: ['x'],
          events: { click: { event: 'e', payload: { $bogus: 1 } as never } },
        }),
        after: actor({ tag: 'p', elements: ['after'] }),
      }),
    )
    const button = app.actorEl('bad')
    if (button?.tagName === 'BUTTON') {
      await userEvent.click(button)
      expect(app.events).toEqual([])
    }
    expect(app.actorEl('bad')!.textContent).toContain('TRP-')
    expect(app.actorEl('after')!.textContent).toBe('after')
  })
})
