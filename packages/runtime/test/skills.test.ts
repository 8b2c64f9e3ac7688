import type { InstanceState, Json, ProjectFile } from '@troupe/core'
import { builtInSkillTypes, effectiveChildren, effectiveContext } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import { applyEffects, builtInSkills, initialState, processEvent } from '../src/index'
import { actor, counterIds, fixedClock, project } from './helpers'

/** One self-subscribed actor `a` with a todo query, plus `list` and `grid` to swap between. */
function app(): ProjectFile {
  return project(
    {
      a: actor({
        context: {
          visible: true,
          newTodoText: 'milk',
          form: { title: 'x', body: 'y' },
          viewActors: { list: 'list', grid: 'grid' },
          queries: { todos: { schemaName: 'Todo', items: [] } },
        },
        subscriptions: ['a'],
        children: ['list'],
      }),
      list: actor(),
      grid: actor(),
    },
    {
      entities: {
        Todo: [
          { id: 't1', text: 'a', status: 'todo', done: false },
          { id: 't2', text: 'b', status: 'done' },
        ],
        Note: [{ id: 'n1', text: 'note' }],
      },
    },
  )
}

function send(file: ProjectFile, state: InstanceState, type: string, payload: Json) {
  const result = processEvent(
    file,
    state,
    { from: 'a', event: type, payload },
    { now: fixedClock, newId: counterIds('new') },
  )
  applyEffects(state, result.effects)
  return result
}

function setup() {
  const file = app()
  const state = initialState(file)
  return { file, state, run: (type: string, payload: Json) => send(file, state, type, payload) }
}

describe('built-in skill registry', () => {
  it('implements exactly the skills of VIEW-FORMAT.md', () => {
    expect(Object.keys(builtInSkills).sort()).toEqual([...builtInSkillTypes].sort())
  })
})

describe('@input/updateContext', () => {
  it('merges every key into the receiving actor context', () => {
    const { file, state, run } = setup()
    const result = run('@input/updateContext', { taps: 7, newTodoText: 'eggs' })
    expect(result.log[0]?.outcome).toBe('handled')
    expect(result.effects).toEqual([
      { kind: 'setContext', actorId: 'a', key: 'taps', value: 7 },
      { kind: 'setContext', actorId: 'a', key: 'newTodoText', value: 'eggs' },
    ])
    const context = effectiveContext(file, state, 'a')
    expect(context.taps).toBe(7)
    expect(context.newTodoText).toBe('eggs')
    expect(context.visible).toBe(true)
  })
  it('fails on a non-object payload', () => {
    const { run } = setup()
    const result = run('@input/updateContext', 'text')
    expect(result.log[0]?.outcome).toBe('failed')
    expect(result.log[0]?.error?.code).toBe('TRP-140')
  })
})

describe('@entity/createEntity', () => {
  it('creates with entityData and clears the field written with context.', () => {
    const { state, run } = setup()
    run('@entity/createEntity', {
      schemaName: 'Todo',
      entityData: { text: 'eggs', status: 'todo' },
      clearFieldPath: 'context.newTodoText',
    })
    expect(state.entities.Todo?.new00002).toEqual({ text: 'eggs', status: 'todo', id: 'new00002' })
    expect(state.actors.a?.context?.newTodoText).toBe('')
  })
  it('clears a field written without context. and a nested one', () => {
    const { state, run } = setup()
    run('@entity/createEntity', {
      schemaName: 'Todo',
      entityData: { text: 'x' },
      clearFieldPath: 'newTodoText',
    })
    expect(state.actors.a?.context?.newTodoText).toBe('')
    run('@entity/createEntity', { entityData: { text: 'y' }, clearFieldPath: 'form.title' })
    expect(state.actors.a?.context?.form).toEqual({ title: '', body: 'y' })
  })
  it('takes the schema from the only query, and the data from the payload when entityData is absent', () => {
    const { state, run } = setup()
    run('@entity/createEntity', { name: 'bread' })
    expect(state.entities.Todo?.new00002).toEqual({ name: 'bread', id: 'new00002' })
  })
  it('keeps a given free id and refuses a taken one', () => {
    const { state, run } = setup()
    run('@entity/createEntity', { entityData: { id: 'mine', text: 'x' } })
    expect(state.entities.Todo?.mine?.text).toBe('x')
    const result = run('@entity/createEntity', { entityData: { id: 't1' } })
    expect(result.log[0]?.error?.message).toContain('already exists')
    expect(state.entities.Todo?.t1?.text).toBe('a')
  })
  it('needs a schemaName when the actor does not have exactly one query', () => {
    const file = project({ a: actor({ subscriptions: ['a'] }) })
    const state = initialState(file)
    const result = send(file, state, '@entity/createEntity', { entityData: { text: 'x' } })
    expect(result.log[0]?.outcome).toBe('failed')
    expect(result.log[0]?.error?.message).toContain('schemaName')
  })
})

describe('@entity/updateEntity', () => {
  it('patches with { id, updates }', () => {
    const { state, run } = setup()
    const result = run('@entity/updateEntity', { id: 't1', updates: { text: 'A', id: 'ignored' } })
    expect(result.effects).toEqual([
      { kind: 'patchEntity', schema: 'Todo', id: 't1', changes: { text: 'A' } },
    ])
    expect(state.entities.Todo?.t1).toEqual({ id: 't1', text: 'A', status: 'todo', done: false })
  })
  it('patches with { id, field: value }', () => {
    const { state, run } = setup()
    run('@entity/updateEntity', { id: 't2', status: 'todo', extra: 1 })
    expect(state.entities.Todo?.t2).toEqual({ id: 't2', text: 'b', status: 'todo', extra: 1 })
  })
  it('finds entities of schemas the actor does not query', () => {
    const { state, run } = setup()
    run('@entity/updateEntity', { id: 'n1', text: 'edited' })
    expect(state.entities.Note?.n1?.text).toBe('edited')
  })
  it('fails for a missing entity', () => {
    const { run } = setup()
    expect(run('@entity/updateEntity', { id: 'zz', text: 'x' }).log[0]?.error?.message).toContain(
      'no entity with id "zz"',
    )
  })
})

describe('@entity/deleteEntity, toggleStatus and clearEntities', () => {
  it('deletes by id', () => {
    const { state, run } = setup()
    run('@entity/deleteEntity', { id: 't1' })
    expect(Object.keys(state.entities.Todo ?? {})).toEqual(['t2'])
    expect(run('@entity/deleteEntity', { id: 't1' }).log[0]?.outcome).toBe('failed')
  })
  it('toggles between value1 and value2', () => {
    const { state, run } = setup()
    const toggle = { id: 't1', value1: 'done', value2: 'todo' }
    run('@entity/toggleStatus', toggle)
    expect(state.entities.Todo?.t1?.status).toBe('done')
    run('@entity/toggleStatus', toggle)
    expect(state.entities.Todo?.t1?.status).toBe('todo')
    run('@entity/toggleStatus', { id: 't2', value1: 'archived', value2: 'open' })
    expect(state.entities.Todo?.t2?.status).toBe('open')
  })
  it('toggles another field, as a boolean by default', () => {
    const { state, run } = setup()
    run('@entity/toggleStatus', { id: 't1', statusField: 'done' })
    expect(state.entities.Todo?.t1?.done).toBe(true)
    run('@entity/toggleStatus', { id: 't1', statusField: 'done' })
    expect(state.entities.Todo?.t1?.done).toBe(false)
  })
  it('clears every entity of one schema only', () => {
    const { state, run } = setup()
    const result = run('@entity/clearEntities', { schemaName: 'Todo' })
    expect(result.effects.map((e) => e.kind)).toEqual(['deleteEntity', 'deleteEntity'])
    expect(state.entities.Todo).toEqual({})
    expect(state.entities.Note?.n1).toBeDefined()
  })
})

describe('@view/swapActors', () => {
  it('swaps by viewMode through context.viewActors', () => {
    const { file, state, run } = setup()
    run('@view/swapActors', { viewMode: 'grid' })
    expect(effectiveContext(file, state, 'a').viewMode).toBe('grid')
    expect(effectiveChildren(file, state, 'a')).toEqual(['grid'])
  })
  it('swaps by targetActorId', () => {
    const { file, state, run } = setup()
    run('@view/swapActors', { targetActorId: 'grid' })
    expect(effectiveChildren(file, state, 'a')).toEqual(['grid'])
    expect(effectiveContext(file, state, 'a').viewMode).toBeUndefined()
  })
  it('fails for an unknown mode or actor and changes nothing', () => {
    const { file, state, run } = setup()
    expect(run('@view/swapActors', { viewMode: 'table' }).log[0]?.outcome).toBe('failed')
    expect(run('@view/swapActors', { targetActorId: 'ghost' }).log[0]?.outcome).toBe('failed')
    expect(effectiveContext(file, state, 'a').viewMode).toBeUndefined()
    expect(effectiveChildren(file, state, 'a')).toEqual(['list'])
  })
})

describe('@ui skills', () => {
  it('updateInput sets a path, clearInput empties it', () => {
    const { state, run } = setup()
    run('@ui/updateInput', { fieldPath: 'context.form.body', value: 'z' })
    expect(state.actors.a?.context?.form).toEqual({ title: 'x', body: 'z' })
    run('@ui/updateInput', { fieldPath: 'draft' })
    expect(state.actors.a?.context?.draft).toBe('')
    run('@ui/clearInput', { fieldPath: 'newTodoText' })
    expect(state.actors.a?.context?.newTodoText).toBe('')
  })
  it('refuses prototype paths', () => {
    const { run } = setup()
    expect(
      run('@ui/updateInput', { fieldPath: 'context.__proto__.x', value: 1 }).log[0]?.outcome,
    ).toBe('failed')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
  it('toggleVisible flips or sets context.visible', () => {
    const { file, state, run } = setup()
    run('@ui/toggleVisible', {})
    expect(effectiveContext(file, state, 'a').visible).toBe(false)
    run('@ui/toggleVisible', {})
    expect(effectiveContext(file, state, 'a').visible).toBe(true)
    run('@ui/toggleVisible', { visible: true })
    expect(effectiveContext(file, state, 'a').visible).toBe(true)
  })
})

describe('@actor/emit', () => {
  it('raises the event from the receiving actor to its subscriptions', () => {
    const file = project({
      a: actor({ subscriptions: ['hub'] }),
      hub: actor({ subscriptions: ['x', 'y'] }),
      x: actor(),
      y: actor(),
    })
    const result = processEvent(file, initialState(file), {
      from: 'a',
      event: '@actor/emit',
      payload: { event: 'PING', payload: { n: 1 } },
    })
    expect(
      result.log.map((e) => [e.message.from, e.message.to, e.message.type, e.outcome, e.depth]),
    ).toEqual([
      ['a', 'hub', '@actor/emit', 'handled', 0],
      ['hub', 'x', 'PING', 'unhandled', 1],
      ['hub', 'y', 'PING', 'unhandled', 1],
    ])
    expect(result.log[1]?.message.payload).toEqual({ n: 1 })
  })
})
