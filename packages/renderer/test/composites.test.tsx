import { describe, expect, test } from 'vitest'
import { actor, project, renderApp } from './harness'

const text = (el: Element | null | undefined) => el?.textContent ?? ''

describe('composites', () => {
  test('container layout, class, tag and attributes; children entries in order', () => {
    const app = renderApp(
      project({
        root: actor({
          container: {
            layout: 'flex',
            class: 'flex-col gap-2',
            tag: 'section',
            attributes: { id: 's' },
          },
          children: [
            { slot: 'a', leaf: { tag: 'span', elements: ['A'] } },
            {
              slot: 'b',
              composite: { container: { layout: 'grid', class: 'grid-cols-2' } },
            },
            { slot: 'c', leaf: { tag: 'span', elements: ['C'] } },
          ],
        }),
      }),
    )
    const root = app.actorEl('root')!
    expect(root.tagName).toBe('SECTION')
    expect(root.id).toBe('s')
    expect(root.className).toBe('flex flex-col gap-2')
    expect([...root.children].map((c) => c.tagName)).toEqual(['SPAN', 'DIV', 'SPAN'])
    expect(root.children[1]!.className).toBe('grid grid-cols-2')
    expect(text(root)).toBe('AC')
  })

  test('content layout adds no class; an existing layout class is not repeated', () => {
    const app = renderApp(
      project({
        root: actor({
          container: { layout: 'content', class: 'p-2' },
          children: [
            { slot: 'x', composite: { container: { layout: 'flex', class: 'flex gap-1' } } },
          ],
        }),
      }),
    )
    const root = app.actorEl('root')!
    expect(root.className).toBe('p-2')
    expect(root.firstElementChild!.className).toBe('flex gap-1')
  })

  test('foreach renders each item with its key and sees it as item', () => {
    const definition = project({
      root: actor(
        {
          container: { layout: 'flex', tag: 'ul' },
          foreach: {
            items: 'context.queries.todos.items',
            key: 'id',
            leaf: { tag: 'li', bindings: { text: 'item.text' }, attributes: { 'data-id': 'x' } },
          },
        },
        { context: { queries: { todos: { schemaName: 'todo', items: [] } } } },
      ),
    })
    const app = renderApp(definition, {
      actors: {},
      entities: { todo: { a: { id: 'a', text: 'one' }, b: { id: 'b', text: 'two' } } },
    })
    const items = [...app.actorEl('root')!.querySelectorAll('li')]
    expect(items.map((li) => li.textContent)).toEqual(['one', 'two'])
  })

  test('foreach with a composite template and nested foreach over item fields', () => {
    const app = renderApp(
      project({
        root: actor(
          {
            container: { layout: 'content' },
            foreach: {
              items: 'context.groups',
              composite: {
                container: { layout: 'content', tag: 'section' },
                children: [{ slot: 'title', leaf: { tag: 'h2', bindings: { text: 'item.name' } } }],
                foreach: { items: 'item.tags', leaf: { tag: 'span', bindings: { text: 'item' } } },
              },
            },
          },
          {
            context: {
              groups: [
                { name: 'G1', tags: ['x', 'y'] },
                { name: 'G2', tags: [] },
              ],
            },
          },
        ),
      }),
    )
    const sections = [...app.actorEl('root')!.querySelectorAll('section')]
    expect(sections.map((s) => s.textContent)).toEqual(['G1xy', 'G2'])
  })

  test('elements wrappers: content and child actors go into the slot "children" element', () => {
    const app = renderApp(
      project({
        root: actor(
          {
            container: { layout: 'flex', tag: 'nav' },
            elements: [
              { tag: 'hr', classes: 'top' },
              { tag: 'ul', classes: 'list', slot: 'children' },
              { tag: 'hr', classes: 'bottom' },
            ],
            children: [{ slot: 'first', leaf: { tag: 'li', elements: ['own'] } }],
          },
          { children: ['kid'] },
        ),
        kid: actor({ tag: 'li', elements: ['kid'] }),
      }),
    )
    const nav = app.actorEl('root')!
    expect([...nav.children].map((c) => c.className)).toEqual(['top', 'list', 'bottom'])
    const ul = nav.querySelector('ul')!
    expect([...ul.children].map((li) => li.textContent)).toEqual(['own', 'kid'])
    expect(ul.lastElementChild!.getAttribute('data-actor-id')).toBe('kid')
  })

  test('child actors render in children order after the actor content', () => {
    const app = renderApp(
      project({
        root: actor(
          {
            container: { layout: 'flex' },
            children: [{ slot: 's', leaf: { tag: 'p', elements: ['own'] } }],
          },
          { children: ['b', 'a'] },
        ),
        a: actor({ tag: 'span', elements: ['A'] }),
        b: actor({ tag: 'span', elements: ['B'] }),
      }),
    )
    const root = app.actorEl('root')!
    expect([...root.children].map((c) => c.getAttribute('data-actor-id') ?? c.tagName)).toEqual([
      'P',
      'b',
      'a',
    ])
  })

  test('explicit placement renders the child there, once', () => {
    const app = renderApp(
      project({
        root: actor(
          {
            container: { layout: 'flex' },
            children: [
              {
                slot: 'header',
                composite: {
                  container: { layout: 'content', tag: 'header' },
                  children: [{ slot: 'here', actor: 'b' }],
                },
              },
              { slot: 'body', leaf: { tag: 'p', elements: ['body'] } },
            ],
          },
          { children: ['a', 'b', 'c'] },
        ),
        a: actor({ tag: 'span', elements: ['A'] }),
        b: actor({ tag: 'span', elements: ['B'] }),
        c: actor({ tag: 'span', elements: ['C'] }),
      }),
    )
    expect(app.host.querySelectorAll('[data-actor-id="b"]')).toHaveLength(1)
    expect(app.host.querySelector('header > [data-actor-id="b"]')).not.toBeNull()
    const root = app.actorEl('root')!
    expect([...root.children].map((c) => c.getAttribute('data-actor-id') ?? c.tagName)).toEqual([
      'HEADER',
      'P',
      'a',
      'c',
    ])
  })

  test('placing an actor that is not a child shows an inline error there, the rest renders', () => {
    const app = renderApp(
      project({
        root: actor({
          container: { layout: 'flex' },
          children: [
            { slot: 'x', actor: 'stranger' },
            { slot: 'y', leaf: { tag: 'p', elements: ['still here'] } },
          ],
        }),
        stranger: actor({ tag: 'span', elements: ['S'] }),
      }),
    )
    expect(app.host.querySelector('[role="alert"]')!.textContent).toContain(
      'view.children[0].actor',
    )
    expect(app.actorEl('stranger')).toBeNull()
    expect(app.host.textContent).toContain('still here')
  })

  test('an actor renders unless context.visible is false (state overrides definition)', () => {
    const definition = project({
      root: actor({ container: { layout: 'flex' } }, { children: ['shy', 'plain', 'yes'] }),
      shy: actor({ tag: 'span', elements: ['shy'] }, { context: { visible: false } }),
      plain: actor({ tag: 'span', elements: ['plain'] }),
      yes: actor({ tag: 'span', elements: ['yes'] }, { context: { visible: true } }),
    })
    const app = renderApp(definition)
    expect(app.actorEl('shy')).toBeNull()
    expect(app.actorEl('plain')).not.toBeNull()
    expect(app.actorEl('yes')).not.toBeNull()
    app.update(definition, {
      actors: { shy: { context: { visible: true } }, yes: { context: { visible: false } } },
      entities: {},
    })
    expect(app.actorEl('shy')).not.toBeNull()
    expect(app.actorEl('yes')).toBeNull()
  })

  test('children after a view swap come from the state', () => {
    const definition = project({
      root: actor({ container: { layout: 'flex' } }, { children: ['a'] }),
      a: actor({ tag: 'span', elements: ['A'] }),
      b: actor({ tag: 'span', elements: ['B'] }),
    })
    const app = renderApp(definition, { actors: { root: { children: ['b'] } }, entities: {} })
    expect(app.actorEl('a')).toBeNull()
    expect(app.actorEl('b')!.textContent).toBe('B')
  })

  test('dependencies expose the named actor context to expressions', () => {
    const app = renderApp(
      project({
        root: actor(
          {
            tag: 'p',
            bindings: {
              text: { $concat: ['mode: ', { $: 'dependencies.content.context.viewMode' }] },
              class: 'dependencies.content.context.viewMode',
            },
          },
          { dependencies: { content: 'other' } },
        ),
        other: actor({ tag: 'span' }, { context: { viewMode: 'list' } }),
      }),
      { actors: { other: { context: { viewMode: 'grid' } } }, entities: {} },
    )
    const p = app.actorEl('root')!
    expect(p.textContent).toBe('mode: grid')
    expect(p.className).toBe('grid')
  })

  test('composite bindings: visible hides, disabled makes the group inert', () => {
    const app = renderApp(
      project({
        root: actor(
          {
            container: { layout: 'flex' },
            children: [
              {
                slot: 'a',
                composite: {
                  container: { layout: 'content', attributes: { id: 'gone' } },
                  bindings: { visible: 'context.no' },
                },
              },
              {
                slot: 'b',
                composite: {
                  container: { layout: 'content', attributes: { id: 'off' } },
                  bindings: { disabled: 'context.yes' },
                  children: [{ slot: 'x', leaf: { tag: 'button', elements: ['x'] } }],
                },
              },
            ],
          },
          { context: { no: false, yes: true } },
        ),
      }),
    )
    expect(app.host.querySelector('#gone')).toBeNull()
    const off = app.host.querySelector<HTMLElement>('#off')!
    expect(off.inert).toBe(true)
    expect(off.getAttribute('aria-disabled')).toBe('true')
  })
})
