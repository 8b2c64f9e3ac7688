import type { ActorDefinition, InstanceState, Json, View } from '@troupe/core'
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { actor, project, renderApp } from './harness'

/**
 * Hostile view JSON and data rendered in real Chromium. Each case renders next to a sentinel
 * actor; afterwards no script may have run, nothing outside the app may have changed, the DOM
 * holds no handler attribute or script URL, and Object.prototype is untouched.
 */

const pwn = 'window.__pwned=(window.__pwned||0)+1'
const scriptUrls = [
  'javascript:window.__pwned=1',
  'JAVASCRIPT:window.__pwned=1',
  ' javascript:window.__pwned=1',
  'java\tscript:window.__pwned=1',
  'java\nscript:window.__pwned=1',
  '&#106;avascript:window.__pwned=1',
  '&#x6A;avascript:window.__pwned=1',
  '%6Aavascript:window.__pwned=1',
  '&amp;#106;avascript:window.__pwned=1',
  'vbscript:msgbox(1)',
  'data:text/html,<script>window.__pwned=1</script>',
  'data:image/svg+xml,<svg onload="window.__pwned=1"/>',
  '\u0000javascript:window.__pwned=1',
  'jav&#x09;ascript:window.__pwned=1',
]
const hostileTags = [
  'script',
  'SCRIPT',
  'iframe',
  'object',
  'embed',
  'style',
  'link',
  'meta',
  'base',
  'math',
  'foreignObject',
  'animate',
  'set',
  'use',
  'image',
  'template',
  'noscript',
  'xmp',
  'frame',
  'img onerror=alert(1)',
  'svg/onload=alert(1)',
  '',
]
const hostileAttributes: Record<string, string>[] = [
  { onerror: pwn },
  { onload: pwn },
  { ONCLICK: pwn },
  { onClick: pwn },
  { 'on-click': pwn },
  { onmouseover: pwn },
  { style: 'background:url(javascript:window.__pwned=1)' },
  { style: 'behavior:url(x.htc)' },
  { srcdoc: `<script>${pwn}</script>` },
  { formaction: 'javascript:window.__pwned=1' },
  { 'xlink:href': 'javascript:window.__pwned=1' },
  { dangerouslySetInnerHTML: `<img src=x onerror="${pwn}">` },
  { 'dangerously-set-inner-h-t-m-l': `<img src=x onerror="${pwn}">` },
  { children: '<b>x</b>' },
  { is: 'x-evil' },
  { __proto__: 'x' } as Record<string, string>,
  { ['__proto__']: 'x' },
  { constructor: 'x' },
]
const hostileText: Json[] = [
  `<script>${pwn}</script>`,
  `<img src=x onerror="${pwn}">`,
  `<svg onload="${pwn}"></svg>`,
  `</textarea><script>${pwn}</script>`,
  `"><script>${pwn}</script>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${pwn}">`,
  `<iframe srcdoc="<script>${pwn}</script>">`,
  '{{constructor.constructor("window.__pwned=1")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection attempt, as data
  '${window.__pwned=1}',
  `javascript:${pwn}`,
  { toString: 'x', valueOf: 'y' },
  ['<b>', '</b>'],
]
const hostileClasses = [
  `" onmouseover="${pwn}`,
  `x' onload='${pwn}`,
  'bg-[url(javascript:alert(1))]',
  '[background:url(https://evil.test/x.png)]',
  `<script>${pwn}</script>`,
]
const codeExpressions = [
  "context.status === 'done'",
  'item.status !== "x" && alert(1)',
  'window.__pwned = 1',
  "context.constructor.constructor('window.__pwned=1')()",
  '(() => { window.__pwned = 1 })()',
  'context.a ? alert(1) : 0',
  '!context.visible',
]
const pollutingContexts = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"queries": {"__proto__": {"schemaName": "x", "items": [1]}}}'),
]
const pollutingPaths = [
  'context.__proto__.polluted',
  'context.constructor.prototype',
  'context.__proto__',
  'item.__proto__.toString',
  'dependencies.__proto__',
]

type Case = { name: string; bad: ActorDefinition; state?: InstanceState; click?: boolean }
const cases: Case[] = []

for (const url of scriptUrls) {
  cases.push({
    name: `a href ${JSON.stringify(url)}`,
    bad: actor({ tag: 'a', attributes: { href: url }, elements: ['x'] }),
    click: true,
  })
  cases.push({
    name: `img src ${JSON.stringify(url)}`,
    bad: actor({ tag: 'img', attributes: { src: url } }),
  })
}
for (const tag of hostileTags) {
  cases.push({
    name: `leaf tag ${JSON.stringify(tag)}`,
    bad: actor({ tag, elements: [pwn] } as View),
  })
  cases.push({
    name: `container tag ${JSON.stringify(tag)}`,
    bad: actor({
      container: { layout: 'content', tag },
      children: [{ slot: 's', leaf: { tag: 'span', elements: [pwn] } }],
    }),
  })
}
for (const attributes of hostileAttributes) {
  const name = Object.keys(attributes).join() || '__proto__ literal'
  cases.push({
    name: `attribute ${name}`,
    bad: actor({ tag: 'div', attributes, elements: ['x'] }),
    click: true,
  })
  cases.push({
    name: `wrapper attribute ${name}`,
    bad: actor({
      container: { layout: 'content' },
      elements: [{ tag: 'div', attributes, slot: 'children' }],
    }),
  })
}
for (const value of hostileText) {
  cases.push({
    name: `text ${JSON.stringify(value).slice(0, 40)}`,
    bad: actor({ tag: 'p', bindings: { text: 'context.v' } }, { context: { v: value } }),
  })
  cases.push({
    name: `textarea value ${JSON.stringify(value).slice(0, 40)}`,
    bad: actor({ tag: 'textarea', bindings: { value: 'context.v' } }, { context: { v: value } }),
  })
  cases.push({
    name: `static element ${JSON.stringify(value).slice(0, 40)}`,
    bad: actor({
      tag: 'pre',
      elements: [typeof value === 'string' ? value : JSON.stringify(value)],
    }),
  })
}
for (const cls of hostileClasses) {
  cases.push({
    name: `classes ${cls.slice(0, 40)}`,
    bad: actor({ tag: 'span', classes: cls, elements: ['x'] }),
  })
  cases.push({
    name: `bound class ${cls.slice(0, 40)}`,
    bad: actor({ tag: 'span', bindings: { class: 'context.c' } }, { context: { c: cls } }),
  })
}
for (const code of codeExpressions) {
  cases.push({
    name: `code in text ${code}`,
    bad: actor({ tag: 'span', bindings: { text: code } }),
  })
  cases.push({
    name: `code in visible ${code}`,
    bad: actor({ tag: 'span', bindings: { visible: code } }),
  })
  cases.push({
    name: `code in payload ${code}`,
    bad: actor({
      tag: 'button',
      elements: ['x'],
      events: { click: { event: 'e', payload: { v: code } } },
    }),
    click: true,
  })
}
for (const context of pollutingContexts) {
  cases.push({
    name: `context ${JSON.stringify(context).slice(0, 50)}`,
    bad: actor(
      {
        tag: 'button',
        bindings: { text: 'context.polluted' },
        events: { click: { event: 'e', payload: { all: 'context.queries' } } },
      },
      { context },
    ),
    click: true,
  })
  cases.push({
    name: `state ${JSON.stringify(context).slice(0, 50)}`,
    bad: actor({ tag: 'span', bindings: { text: 'context.polluted' } }),
    state: { actors: { bad: { context } }, entities: {} },
  })
}
for (const path of pollutingPaths) {
  cases.push({
    name: `path ${path}`,
    bad: actor(
      {
        container: { layout: 'content' },
        foreach: {
          items: 'context.list',
          key: '__proto__',
          leaf: {
            tag: 'button',
            bindings: { text: path },
            events: { click: { event: 'e', payload: { v: path, id: path } } },
          },
        },
      },
      { context: { list: [JSON.parse('{"__proto__": {"polluted": "yes"}, "id": 1}')] } },
    ),
    click: true,
  })
}
cases.push({
  name: 'payload object with __proto__ key',
  bad: actor({
    tag: 'button',
    elements: ['x'],
    events: {
      click: {
        event: 'e',
        payload: JSON.parse('{"__proto__": {"polluted": "yes"}, "a": "context.a"}'),
      },
    },
  }),
  click: true,
})
cases.push({
  name: 'input event with bindings.value __proto__',
  bad: actor({
    tag: 'input',
    bindings: { value: 'context.__proto__' },
    events: { input: { event: 'e' } },
  }),
})
cases.push({
  name: 'dependency named __proto__',
  bad: actor(
    { tag: 'span', bindings: { text: 'dependencies.__proto__.context' } },
    { dependencies: JSON.parse('{"__proto__": "root"}') },
  ),
})

let bodyBefore: string[] = []
beforeEach(() => {
  bodyBefore = [...document.body.children].map((c) => c.outerHTML)
  ;(window as { __pwned?: number }).__pwned = undefined
})
afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

describe('hostile input corpus', () => {
  test('has at least 100 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100)
  })

  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_, { bad, state, click }) => {
    const titleBefore = document.title
    const headBefore = document.head.innerHTML
    const app = renderApp(
      project({
        root: actor({ container: { layout: 'flex' } }, { children: ['bad', 'sentinel'] }),
        bad,
        sentinel: actor({ tag: 'p', elements: ['sentinel'] }),
      }),
      state,
    )
    if (click) {
      for (const el of app.host.querySelectorAll<HTMLElement>('button, a, div, input')) {
        act(() => el.click())
      }
    }
    // Let anything scheduled (an onerror of a failed image load, a timer) run before checking.
    await new Promise((r) => setTimeout(r, 30))
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
    expect(app.actorEl('sentinel')?.textContent).toBe('sentinel')
    const all = [...app.host.querySelectorAll('*')]
    const tags = new Set(all.map((el) => el.tagName.toLowerCase()))
    for (const tag of [
      'script',
      'iframe',
      'object',
      'embed',
      'style',
      'link',
      'meta',
      'base',
      'math',
      'use',
      'image',
      'template',
      'frame',
    ]) {
      expect(tags.has(tag), tag).toBe(false)
    }
    for (const el of all) {
      for (const name of el.getAttributeNames()) {
        expect(name.startsWith('on'), `${el.tagName} ${name}`).toBe(false)
        // The renderer's own error box is styled inline; nothing from a view ever is.
        const own = name === 'style' && el.closest('[data-troupe-error]') !== null
        expect(
          !own && ['style', 'srcdoc', 'formaction', 'xlink:href', 'is'].includes(name),
          name,
        ).toBe(false)
        if (['href', 'src', 'action'].includes(name)) {
          // Browsers ignore whitespace and control characters in a URL's scheme.
          const value = [...(el.getAttribute(name) ?? '')]
            .filter((c) => c.charCodeAt(0) > 0x20)
            .join('')
            .toLowerCase()
          expect(/^(javascript|vbscript|data):/.test(value), value).toBe(false)
          expect(value.includes('&#'), value).toBe(false)
          expect(value.includes('%6a'), value).toBe(false)
        }
      }
    }
    expect(document.title).toBe(titleBefore)
    expect(document.head.innerHTML).toBe(headBefore)
    const bodyNow = [...document.body.children]
      .filter((c) => c !== app.host)
      .map((c) => c.outerHTML)
    expect(bodyNow).toEqual(bodyBefore)
    for (const e of app.events) {
      expect(JSON.stringify(e)).not.toContain('"__proto__"')
    }
  })
})
