import { describe, expect, it } from 'vitest'
import {
  actorScope,
  effectiveChildren,
  effectiveContext,
  type InstanceState,
  naturalCompare,
  type ProjectDefinition,
} from '../src/index'

const definition: ProjectDefinition = {
  root: 'root',
  actors: {
    root: {
      role: 'root',
      context: { viewMode: 'list' },
      view: { tag: 'div' },
      subscriptions: [],
      children: ['list'],
      dependencies: {},
    },
    list: {
      role: 'list',
      context: {
        visible: true,
        title: 'Todos',
        queries: {
          all: { schemaName: 'Todo', items: [] },
          open: { schemaName: 'Todo', items: [], where: { $neq: [{ $: 'item.status' }, 'done'] } },
          byTitle: { schemaName: 'Todo', items: [], sort: { by: 'title', dir: 'desc' } },
          notes: { schemaName: 'Note', items: [] },
        },
      },
      view: { tag: 'div' },
      subscriptions: ['list'],
      children: [],
      dependencies: { parent: 'root' },
    },
  },
}

const state: InstanceState = {
  actors: { list: { context: { title: 'Mine' } }, root: { children: ['other'] } },
  entities: {
    Todo: {
      t10: { id: 't10', title: 'b', status: 'done' },
      t2: { id: 't2', title: 'c', status: 'todo' },
      t1: { id: 't1', title: 'a', status: 'todo' },
    },
  },
}

describe('effectiveContext', () => {
  it('merges stored context over the initial context and fills every query', () => {
    const before = JSON.stringify(state)
    const context = effectiveContext(definition, state, 'list')
    expect(context.title).toBe('Mine')
    expect(context.visible).toBe(true)
    const queries = context.queries as Record<string, { items: { id: string }[] }>
    expect(queries.all?.items.map((t) => t.id)).toEqual(['t1', 't2', 't10'])
    expect(queries.open?.items.map((t) => t.id)).toEqual(['t1', 't2'])
    expect(queries.byTitle?.items.map((t) => t.id)).toEqual(['t2', 't10', 't1'])
    expect(queries.notes?.items).toEqual([])
    expect(JSON.stringify(state)).toBe(before)
    expect(
      (definition.actors.list!.context.queries as Record<string, { items: unknown[] }>).all?.items,
    ).toEqual([])
  })
  it('gives an empty context for an unknown actor', () => {
    expect(effectiveContext(definition, state, 'nobody')).toEqual({})
    expect(effectiveContext(definition, state, '__proto__')).toEqual({})
  })
  it('exposes dependencies with their effective context', () => {
    const scope = actorScope(definition, state, 'list')
    expect(scope.dependencies).toEqual({
      parent: { id: 'root', role: 'root', context: { viewMode: 'list' } },
    })
  })
})

describe('effectiveChildren', () => {
  it('prefers swapped children and copies the list', () => {
    expect(effectiveChildren(definition, state, 'root')).toEqual(['other'])
    expect(effectiveChildren(definition, { actors: {}, entities: {} }, 'root')).toEqual(['list'])
    expect(effectiveChildren(definition, state, 'missing')).toEqual([])
    const children = effectiveChildren(definition, state, 'root')
    children.push('x')
    expect(state.actors.root?.children).toEqual(['other'])
  })
})

describe('naturalCompare', () => {
  it('orders digit runs numerically', () => {
    expect(['t10', 't2', 't1', 'a', 't02'].sort(naturalCompare)).toEqual([
      'a',
      't1',
      't2',
      't02',
      't10',
    ])
  })
})
