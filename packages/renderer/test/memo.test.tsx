import type { InstanceState, JsonObject } from '@troupe/core'
import { describe, expect, test } from 'vitest'
import { actor, project, renderApp } from './harness'

const rowsOf = (renders: { row?: string }[]) => renders.filter((r) => r.row !== undefined)

describe('only what changed re-renders', () => {
  test('a context change re-renders that actor only, not its parent or siblings', () => {
    const definition = project({
      root: actor({ container: { layout: 'flex' } }, { children: ['a', 'b'] }),
      a: actor({ tag: 'span', bindings: { text: 'context.n' } }, { context: { n: 1 } }),
      b: actor({ tag: 'span', bindings: { text: 'context.n' } }, { context: { n: 1 } }),
    })
    const app = renderApp(definition)
    expect(app.renders.map((r) => r.actorId).sort()).toEqual(['a', 'b', 'root'])
    app.renders.length = 0
    app.update(definition, { actors: { b: { context: { n: 2 } } }, entities: {} })
    expect(app.renders).toEqual([{ actorId: 'b' }])
    expect(app.actorEl('b')!.textContent).toBe('2')
  })

  test('an equal but newly built state re-renders nothing', () => {
    const definition = project({
      root: actor({ tag: 'span', bindings: { text: 'context.n' } }, { context: { n: 1 } }),
    })
    const state = (): InstanceState => ({ actors: { root: { context: { n: 5 } } }, entities: {} })
    const app = renderApp(definition, state())
    app.renders.length = 0
    app.update(structuredClone(definition), state())
    expect(app.renders).toEqual([])
  })

  test('a dependency change re-renders the dependent actor', () => {
    const definition = project({
      root: actor({ container: { layout: 'flex' } }, { children: ['reader', 'source'] }),
      reader: actor(
        { tag: 'span', bindings: { text: 'dependencies.src.context.mode' } },
        { dependencies: { src: 'source' } },
      ),
      source: actor({ tag: 'span' }, { context: { mode: 'a' } }),
    })
    const app = renderApp(definition)
    app.renders.length = 0
    app.update(definition, { actors: { source: { context: { mode: 'b' } } }, entities: {} })
    expect(app.renders.map((r) => r.actorId).sort()).toEqual(['reader', 'source'])
    expect(app.actorEl('reader')!.textContent).toBe('b')
  })

  describe('a 1,000-item foreach', () => {
    const definition = project({
      root: actor(
        {
          container: { layout: 'flex', tag: 'ul' },
          foreach: {
            items: 'context.queries.todos.items',
            key: 'id',
            composite: {
              container: { layout: 'flex', tag: 'li' },
              children: [
                { slot: 't', leaf: { tag: 'span', bindings: { text: 'item.text' } } },
                {
                  slot: 'x',
                  leaf: {
                    tag: 'button',
                    elements: ['x'],
                    events: {
                      click: { event: '@entity/deleteEntity', payload: { id: 'item.id' } },
                    },
                  },
                },
              ],
            },
          },
        },
        { context: { queries: { todos: { schemaName: 'todo', items: [] } }, unrelated: 0 } },
      ),
    })
    const entities = (n: number): Record<string, JsonObject> => {
      const out: Record<string, JsonObject> = {}
      for (let i = 0; i < n; i++) {
        const id = `t${String(i).padStart(4, '0')}`
        out[id] = { id, text: `todo ${i}` }
      }
      return out
    }

    test('updating one item re-renders one row', () => {
      const todo = entities(1000)
      const app = renderApp(definition, { actors: {}, entities: { todo } })
      expect(app.host.querySelectorAll('li')).toHaveLength(1000)
      expect(rowsOf(app.renders)).toHaveLength(1000)
      app.renders.length = 0
      const next = { ...todo, t0500: { id: 't0500', text: 'changed' } }
      app.update(definition, { actors: {}, entities: { todo: next } })
      expect(rowsOf(app.renders)).toEqual([{ actorId: 'root', row: 'k:t0500' }])
      expect(app.host.querySelectorAll('li')[500]!.textContent).toBe('changedx')
    })

    test('also when the whole state arrives as a fresh copy', () => {
      const todo = entities(1000)
      const app = renderApp(definition, { actors: {}, entities: { todo } })
      app.renders.length = 0
      const copy = structuredClone(todo)
      copy.t0007 = { id: 't0007', text: 'seven' }
      app.update(structuredClone(definition), { actors: {}, entities: { todo: copy } })
      expect(rowsOf(app.renders)).toEqual([{ actorId: 'root', row: 'k:t0007' }])
    })

    test('appending one item renders one new row', () => {
      const todo = entities(1000)
      const app = renderApp(definition, { actors: {}, entities: { todo } })
      app.renders.length = 0
      app.update(definition, {
        actors: {},
        entities: { todo: { ...todo, t9999: { id: 't9999', text: 'new' } } },
      })
      expect(rowsOf(app.renders)).toEqual([{ actorId: 'root', row: 'k:t9999' }])
      expect(app.host.querySelectorAll('li')).toHaveLength(1001)
    })

    test('a context change the rows do not read re-renders no row', () => {
      const todo = entities(1000)
      const app = renderApp(definition, { actors: {}, entities: { todo } })
      app.renders.length = 0
      app.update(definition, {
        actors: { root: { context: { unrelated: 1 } } },
        entities: { todo },
      })
      expect(app.renders).toEqual([{ actorId: 'root' }])
    })

    test('a context value the rows read re-renders every row', () => {
      const reading = structuredClone(definition)
      const li = (reading.actors.root!.view as { foreach: { composite: { children: unknown[] } } })
        .foreach.composite
      li.children.push({ slot: 'm', leaf: { tag: 'span', bindings: { text: 'context.mark' } } })
      const todo = entities(20)
      const app = renderApp(reading, { actors: {}, entities: { todo } })
      app.renders.length = 0
      app.update(reading, { actors: { root: { context: { mark: '!' } } }, entities: { todo } })
      expect(rowsOf(app.renders)).toHaveLength(20)
      expect(app.host.querySelector('li')!.textContent).toBe('todo 0x!')
    })
  })
})
