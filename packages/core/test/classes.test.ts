import { describe, expect, it } from 'vitest'
import { collectClasses, isLoadFreeClass, type ProjectDefinition } from '../src/index'

const actor = (view: unknown, context: Record<string, unknown> = {}) => ({
  role: 'a',
  context,
  view,
  subscriptions: [],
  children: [],
  dependencies: {},
})

describe('collectClasses', () => {
  it('finds classes, container and wrapper classes, nested templates and class bindings', () => {
    const definition = {
      root: 'root',
      actors: {
        root: actor({
          container: { layout: 'flex', class: 'flex  gap-2' },
          elements: [{ tag: 'section', classes: 'p-4 @container', slot: 'children' }],
          children: [
            { slot: 'title', leaf: { tag: 'h1', classes: 'text-2xl font-bold' } },
            {
              slot: 'list',
              composite: {
                foreach: {
                  items: 'context.items',
                  leaf: {
                    tag: 'li',
                    classes: 'py-1',
                    elements: [{ tag: 'span', classes: 'text-[13px]' }],
                    bindings: {
                      class: {
                        $if: {
                          test: { $: 'item.done' },
                          // biome-ignore lint/suspicious/noThenProperty: `$if` is the view format's operator
                          then: 'line-through text-gray-400',
                          else: 'text-gray-900',
                        },
                      },
                    },
                  },
                },
              },
            },
          ],
        }),
        other: actor(
          {
            tag: 'p',
            bindings: { class: 'context.tone', text: 'context.label' },
            elements: [
              { tag: 'b', bindings: { class: { $concat: ['m-1 ', { $: 'context.size' }] } } },
            ],
          },
          { tone: 'bg-red-500 hover:bg-red-600', label: 'not-a-class-source', size: 'text-sm' },
        ),
      },
    } as unknown as ProjectDefinition
    expect(collectClasses(definition)).toEqual(
      [
        '@container',
        'bg-red-500',
        'flex',
        'font-bold',
        'gap-2',
        'hover:bg-red-600',
        'line-through',
        'm-1',
        'text-sm',
        'p-4',
        'py-1',
        'text-2xl',
        'text-[13px]',
        'text-gray-400',
        'text-gray-900',
      ].sort(),
    )
  })

  it('leaves out classes that could load something', () => {
    const definition = {
      root: 'root',
      actors: {
        root: actor({
          tag: 'div',
          classes:
            'ok bg-[url(https://evil.example/x.png)] [background:image-set("x.png")] bg-[URL_(x)] bg-[u\\72l(x)] content-["@import"]',
        }),
      },
    } as unknown as ProjectDefinition
    expect(collectClasses(definition)).toEqual(['ok'])
  })
})

describe('isLoadFreeClass', () => {
  it.each([
    ['bg-red-500', true],
    ['w-[calc(100%-2rem)]', true],
    ['bg-[rgb(1,2,3)]', true],
    ['[mask:linear-gradient(#000,transparent)]', true],
    ['bg-[url(x.png)]', false],
    ['bg-[image:url(x)]', false],
    ['[background:-webkit-image-set(x.png_1x)]', false],
    ['[background:cross-fade(a,b)]', false],
    ['[background:element(#id)]', false],
    ['bg-[u\\rl(x)]', false],
  ])('%s → %s', (token, safe) => {
    expect(isLoadFreeClass(token)).toBe(safe)
  })
})
