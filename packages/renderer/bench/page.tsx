import type { InstanceState, JsonObject, ProjectDefinition, RaisedEvent } from '@troupe/core'
import { memo } from 'react'
import { flushSync } from 'react-dom'
import { createRoot, type Root } from 'react-dom/client'
import { TroupeView } from '../src'

/**
 * The page `pnpm bench render` drives in headless Chromium (production React build): a
 * 1,000-item foreach rendered by Troupe beside a hand-written React list of the same markup.
 * Each step is timed to the DOM commit: `flushSync` returns after React has written the DOM
 * (layout effects included, which is where Troupe's actors pick up new state).
 */
export interface StepTimes {
  mount: number
  /** One figure per repetition: each updates a different item. */
  update: number[]
  /** One figure per repetition: each appends one more item. */
  append: number[]
}

const count = 1_000
interface Item extends JsonObject {
  id: string
  text: string
  done: boolean
}
const makeItem = (i: number): Item => ({ id: `t${i}`, text: `Item ${i}`, done: i % 3 === 0 })
const changedIndex = 500
// Updates and appends are repeated within a run: each is well under a millisecond, so one
// sample per run would say little.
const repeats = 10

const definition: ProjectDefinition = {
  root: 'list',
  actors: {
    list: {
      role: 'list',
      context: { visible: true, queries: { items: { schemaName: 'Item', items: [] } } },
      view: {
        container: { layout: 'content', tag: 'ul', class: 'list' },
        foreach: {
          items: 'context.queries.items.items',
          key: 'id',
          leaf: {
            tag: 'li',
            classes: 'row',
            bindings: {
              class: {
                $if: {
                  test: { $: 'item.done' },
                  // biome-ignore lint/suspicious/noThenProperty: `$if` is the view format's operator
                  then: 'done',
                  else: 'open',
                },
              },
            },
            elements: [
              { tag: 'span', bindings: { text: 'item.text' } },
              {
                tag: 'button',
                elements: ['x'],
                events: { click: { event: '@entity/deleteEntity', payload: 'item.id' } },
              },
            ],
          },
        },
      },
      subscriptions: ['list'],
      children: [],
      dependencies: {},
    },
  },
}

function stateOf(entities: Record<string, Item>): InstanceState {
  return { actors: {}, entities: { Item: entities } }
}

const ignore = (_event: RaisedEvent) => {}

function timed(run: () => void): number {
  const start = performance.now()
  flushSync(run)
  return performance.now() - start
}

/** Fails the run when a step did not reach the DOM, so a fast but wrong result never counts. */
function expectText(container: Element, index: number, text: string) {
  const row = container.querySelectorAll('li')[index]
  if (row?.querySelector('span')?.textContent !== text) {
    throw new Error(`row ${index} shows ${row?.textContent ?? 'nothing'}, expected ${text}`)
  }
}

function withContainer(run: (root: Root, container: HTMLElement) => StepTimes): StepTimes {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  try {
    return run(root, container)
  } finally {
    root.unmount()
    container.remove()
  }
}

function troupe(): StepTimes {
  return withContainer((root, container) => {
    let entities: Record<string, Item> = {}
    for (let i = 0; i < count; i++) entities[`t${i}`] = makeItem(i)
    const render = () =>
      root.render(<TroupeView definition={definition} state={stateOf(entities)} onEvent={ignore} />)
    const mount = timed(render)
    expectText(container, count - 1, `Item ${count - 1}`)

    // A new snapshot that shares every unchanged entity, as a document store hands it over.
    const update: number[] = []
    for (let r = 0; r < repeats; r++) {
      const index = (changedIndex + r * 37) % count
      const id = `t${index}`
      entities = { ...entities, [id]: { ...entities[id]!, text: `changed ${r}` } }
      update.push(timed(render))
      expectText(container, index, `changed ${r}`)
    }

    const append: number[] = []
    for (let r = 0; r < repeats; r++) {
      entities = { ...entities, [`t${count + r}`]: makeItem(count + r) }
      append.push(timed(render))
      expectText(container, count + r, `Item ${count + r}`)
    }
    return { mount, update, append }
  })
}

const HandRow = memo(function HandRow({
  item,
  onDelete,
}: {
  item: Item
  onDelete: (id: string) => void
}) {
  return (
    <li className={`row ${item.done ? 'done' : 'open'}`}>
      <span>{item.text}</span>
      {/* biome-ignore lint/a11y/useButtonType: the same markup as the Troupe view's button */}
      <button onClick={() => onDelete(item.id)}>x</button>
    </li>
  )
})

function HandList({ items, onDelete }: { items: Item[]; onDelete: (id: string) => void }) {
  return (
    <ul className="list" data-actor-id="list">
      {items.map((item) => (
        <HandRow key={item.id} item={item} onDelete={onDelete} />
      ))}
    </ul>
  )
}

function handWritten(): StepTimes {
  return withContainer((root, container) => {
    const onDelete = (_id: string) => {}
    let items: Item[] = []
    for (let i = 0; i < count; i++) items.push(makeItem(i))
    const render = () => root.render(<HandList items={items} onDelete={onDelete} />)
    const mount = timed(render)
    expectText(container, count - 1, `Item ${count - 1}`)

    const update: number[] = []
    for (let r = 0; r < repeats; r++) {
      const index = (changedIndex + r * 37) % count
      items = items.map((item, i) => (i === index ? { ...item, text: `changed ${r}` } : item))
      update.push(timed(render))
      expectText(container, index, `changed ${r}`)
    }

    const append: number[] = []
    for (let r = 0; r < repeats; r++) {
      items = [...items, makeItem(count + r)]
      append.push(timed(render))
      expectText(container, count + r, `Item ${count + r}`)
    }
    return { mount, update, append }
  })
}

/** The markup both lists produce for the first row, so the bench can check they match. */
function firstRows(): { troupe: string; hand: string } {
  const html = (render: (root: Root) => void) => {
    const container = document.createElement('div')
    const root = createRoot(container)
    flushSync(() => render(root))
    const out = container.querySelector('li')?.outerHTML ?? ''
    root.unmount()
    return out
  }
  const entities = { t0: makeItem(0) }
  return {
    troupe: html((root) =>
      root.render(
        <TroupeView definition={definition} state={stateOf(entities)} onEvent={ignore} />,
      ),
    ),
    hand: html((root) => root.render(<HandList items={[makeItem(0)]} onDelete={() => {}} />)),
  }
}

declare global {
  interface Window {
    renderBench: {
      troupe: () => StepTimes
      handWritten: () => StepTimes
      firstRows: typeof firstRows
    }
  }
}
window.renderBench = { troupe, handWritten, firstRows }
