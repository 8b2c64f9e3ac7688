import { allowedTags } from '@troupe/core'
import { describe, expect, test } from 'vitest'
import { actor, project, renderApp } from './harness'

describe('leaves', () => {
  test('every allowed tag renders as that element, carrying data-actor-id', () => {
    for (const tag of allowedTags) {
      const app = renderApp(project({ root: actor({ tag, classes: 'c' }) }))
      const el = app.actorEl('root')
      expect(el?.tagName.toLowerCase(), tag).toBe(tag)
      expect(el?.getAttribute('class')).toBe('c')
    }
  })

  test('static elements: strings as text, nested leaves as elements', () => {
    const app = renderApp(
      project({
        root: actor({
          tag: 'p',
          elements: ['Hello ', { tag: 'code', elements: ['<b>x</b>'] }, '!'],
        }),
      }),
    )
    const p = app.actorEl('root')!
    expect(p.textContent).toBe('Hello <b>x</b>!')
    expect(p.querySelector('code')?.textContent).toBe('<b>x</b>')
    expect(p.querySelector('b')).toBeNull()
  })

  test('bindings.text replaces elements and is inserted as text', () => {
    const app = renderApp(
      project({
        root: actor(
          { tag: 'h1', elements: ['static'], bindings: { text: 'context.title' } },
          { context: { title: '<img src=x onerror=alert(1)>' } },
        ),
      }),
    )
    const h1 = app.actorEl('root')!
    expect(h1.textContent).toBe('<img src=x onerror=alert(1)>')
    expect(h1.querySelector('img')).toBeNull()
  })

  test('bindings.text with a $ expression, numbers and missing values', () => {
    const app = renderApp(
      project({
        root: actor(
          {
            tag: 'div',
            elements: [
              { tag: 'span', bindings: { text: { $concat: ['n=', { $: 'context.n' }] } } },
              { tag: 'span', bindings: { text: 'context.n' } },
              { tag: 'span', bindings: { text: 'context.missing' } },
            ],
          },
          { context: { n: 3 } },
        ),
      }),
    )
    const spans = [...app.actorEl('root')!.querySelectorAll('span')].map((s) => s.textContent)
    expect(spans).toEqual(['n=3', '3', ''])
  })

  test('bindings.class is added to classes; visible hides; disabled disables', () => {
    const app = renderApp(
      project({
        root: actor(
          {
            tag: 'div',
            elements: [
              {
                tag: 'button',
                classes: 'btn',
                attributes: { id: 'b' },
                bindings: {
                  // biome-ignore lint/suspicious/noThenProperty: `$if` is the view format's operator
                  class: { $if: { test: { $: 'context.on' }, then: 'on', else: 'off' } },
                  disabled: { $not: { $: 'context.on' } },
                },
              },
              { tag: 'span', attributes: { id: 'hidden' }, bindings: { visible: 'context.show' } },
              { tag: 'span', attributes: { id: 'shown' }, bindings: { visible: { $eq: [1, 1] } } },
            ],
          },
          { context: { on: false, show: false } },
        ),
      }),
    )
    const button = app.host.querySelector<HTMLButtonElement>('#b')!
    expect(button.className).toBe('btn off')
    expect(button.disabled).toBe(true)
    expect(app.host.querySelector('#hidden')).toBeNull()
    expect(app.host.querySelector('#shown')).not.toBeNull()
  })

  test('allowed attributes pass through; sanitised URLs are kept', () => {
    const app = renderApp(
      project({
        root: actor({
          tag: 'a',
          attributes: {
            href: 'https://example.com/x',
            target: '_blank',
            'aria-label': 'Go',
            'data-x': '1',
            tabindex: 0,
          },
          elements: ['ok'],
        }),
      }),
    )
    const a = app.actorEl('root')!
    expect(a.getAttribute('href')).toBe('https://example.com/x')
    expect(a.getAttribute('target')).toBe('_blank')
    expect(a.getAttribute('aria-label')).toBe('Go')
    expect(a.getAttribute('data-x')).toBe('1')
    expect(a.getAttribute('tabindex')).toBe('0')
  })

  test('a refused attribute or URL shows the error box with its path instead of the actor', () => {
    const app = renderApp(
      project({
        root: actor({
          tag: 'div',
          elements: [
            { tag: 'a', attributes: { href: 'javascript:alert(1)' } },
            { tag: 'span', attributes: { onclick: 'alert(1)' } },
          ],
        }),
      }),
    )
    const box = app.actorEl('root')!
    expect(box.getAttribute('role')).toBe('alert')
    expect(box.textContent).toContain('TRP-122')
    expect(box.textContent).toContain('view.elements[0].attributes.href')
    expect(box.textContent).toContain('TRP-121')
    expect(box.textContent).toContain('view.elements[1].attributes.onclick')
    expect(app.host.querySelector('a, span')).toBeNull()
  })

  test('svg and path keep their case-sensitive and hyphenated attributes', () => {
    const app = renderApp(
      project({
        root: actor({
          tag: 'svg',
          attributes: { viewBox: '0 0 10 10', width: 10 },
          elements: [
            { tag: 'path', attributes: { d: 'M0 0L10 10', 'stroke-width': 2, stroke: 'red' } },
          ],
        }),
      }),
    )
    const svg = app.actorEl('root')!
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg')
    expect(svg.getAttribute('viewBox')).toBe('0 0 10 10')
    const path = svg.querySelector('path')!
    expect(path.namespaceURI).toBe('http://www.w3.org/2000/svg')
    expect(path.getAttribute('stroke-width')).toBe('2')
    expect(path.getAttribute('d')).toBe('M0 0L10 10')
  })

  test('an unbound field keeps its value attribute as a starting value the user can change', () => {
    const app = renderApp(
      project({ root: actor({ tag: 'input', attributes: { value: 'start', type: 'text' } }) }),
    )
    const input = app.actorEl('root') as HTMLInputElement
    expect(input.value).toBe('start')
  })
})
