import type { ProjectFile } from '@troupe/core'
import { effectiveContext } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import { runEvents } from '../src/index'
import { actor, counterIds, project } from './helpers'

function todoApp(): ProjectFile {
  return project(
    {
      list: actor({
        subscriptions: ['list'],
        context: {
          newTodoText: '',
          limit: 2,
          queries: { todos: { schemaName: 'Todo', items: [] } },
        },
      }),
    },
    {
      skills: {
        ADD_TODO: {
          when: { $neq: [{ $trim: { $: 'payload.text' } }, ''] },
          steps: [
            {
              skill: '@entity/createEntity',
              payload: {
                entityData: { text: { $trim: { $: 'payload.text' } }, status: 'todo' },
                clearFieldPath: 'newTodoText',
              },
            },
            {
              skill: '@input/updateContext',
              payload: { full: true },
              when: {
                $gte: [{ $length: { $: 'context.queries.todos.items' } }, { $: 'context.limit' }],
              },
            },
            { skill: '@input/updateContext', payload: { lastText: 'payload.text' } },
          ],
        },
        BAD_STEP: { steps: [{ skill: 'NOT_BUILT_IN', payload: {} }] },
        CODE: { steps: [{ skill: '@input/updateContext', payload: { x: "payload.a === 'b'" } }] },
        '@input/updateContext': {
          steps: [{ skill: '@input/updateContext', payload: { hijacked: true } }],
        },
      },
    },
  )
}

describe('project skills', () => {
  it('run steps with paths and expressions, each seeing the previous steps', () => {
    const file = todoApp()
    const { state, log } = runEvents(
      file,
      [
        { from: 'list', event: 'ADD_TODO', payload: { text: '  milk ' } },
        { from: 'list', event: 'ADD_TODO', payload: { text: 'eggs' } },
      ],
      { newId: counterIds('e') },
    )
    expect(log.map((e) => [e.skill, e.outcome])).toEqual([
      ['ADD_TODO', 'handled'],
      ['ADD_TODO', 'handled'],
    ])
    const context = effectiveContext(file, state, 'list')
    const items = (context.queries as { todos: { items: { text: string }[] } }).todos.items
    expect(items.map((t) => t.text)).toEqual(['milk', 'eggs'])
    // The step guard saw the entity created by the step before it: full only after the second.
    expect(context.full).toBe(true)
    expect(context.lastText).toBe('eggs')
    expect(context.newTodoText).toBe('')
  })
  it('a falsy skill guard runs nothing and says so', () => {
    const { state, log } = runEvents(todoApp(), [
      { from: 'list', event: 'ADD_TODO', payload: { text: '   ' } },
    ])
    expect(log[0]?.outcome).toBe('handled')
    expect(log[0]?.note).toContain('guard')
    expect(state.entities).toEqual({})
    expect(state.actors).toEqual({})
  })
  it('a step naming a non-built-in skill fails with TRP-142', () => {
    const { log } = runEvents(todoApp(), [{ from: 'list', event: 'BAD_STEP' }])
    expect(log[0]?.outcome).toBe('failed')
    expect(log[0]?.error?.code).toBe('TRP-142')
  })
  it('never evaluates JavaScript strings: TRP-123 and no state change', () => {
    const { state, log } = runEvents(todoApp(), [
      { from: 'list', event: 'CODE', payload: { a: 'b' } },
    ])
    expect(log[0]?.error?.code).toBe('TRP-123')
    expect(log[0]?.error?.message).toContain('{"$eq":[{"$":"payload.a"},"b"]}')
    expect(state.actors).toEqual({})
  })
  it('cannot override a built-in skill', () => {
    const { state } = runEvents(todoApp(), [
      { from: 'list', event: '@input/updateContext', payload: { a: 1 } },
    ])
    expect(state.actors.list?.context).toEqual({ a: 1 })
  })
})
