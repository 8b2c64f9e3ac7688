import { describe, expect, it } from 'vitest'
import { resolvePayload, type Scope } from '../src/index'

const scope: Scope = {
  context: { newTodoText: 'milk', user: { name: 'Ada' } },
  item: { id: 't1', todoId: 'x9', status: 'done' },
  payload: { n: 1 },
  dependencies: { list: { id: 'list' } },
}

describe('resolvePayload', () => {
  it('no payload gives an empty object', () => {
    expect(resolvePayload(undefined, scope)).toEqual({})
  })
  it('a string payload is a path; .id and …Id endings give { id }', () => {
    expect(resolvePayload('item.id', scope)).toEqual({ id: 't1' })
    expect(resolvePayload('item.todoId', scope)).toEqual({ id: 'x9' })
    expect(resolvePayload('context.user', scope)).toEqual({ name: 'Ada' })
    expect(resolvePayload('context.newTodoText', scope)).toBe('milk')
    expect(resolvePayload('item.missingId', scope)).toEqual({ id: null })
  })
  it('an object payload resolves top-level strings with a root prefix only', () => {
    expect(
      resolvePayload(
        {
          id: 'item.id',
          text: 'context.newTodoText',
          who: 'dependencies.list.id',
          n: 'payload.n',
          schemaName: 'Todo',
          bare: 'item',
          nested: { text: 'context.newTodoText' },
          count: 3,
        },
        scope,
      ),
    ).toEqual({
      id: 't1',
      text: 'milk',
      who: 'list',
      n: 1,
      schemaName: 'Todo',
      bare: 'item',
      nested: { text: 'context.newTodoText' },
      count: 3,
    })
  })
  it('evaluates $ expressions in object payloads (Troupe extension)', () => {
    expect(resolvePayload({ entityData: { text: { $: 'context.newTodoText' } } }, scope)).toEqual({
      entityData: { text: 'milk' },
    })
  })
  it('input/change add the field under the last segment of bindings.value', () => {
    const field = { value: 'eggs', bindingPath: 'context.newTodoText', eventName: 'input' }
    expect(resolvePayload(undefined, scope, field)).toEqual({ newTodoText: 'eggs' })
    expect(resolvePayload({ a: 1 }, scope, { ...field, eventName: 'change' })).toEqual({
      a: 1,
      newTodoText: 'eggs',
    })
    expect(resolvePayload({ a: 1 }, scope, { ...field, eventName: 'click' })).toEqual({ a: 1 })
    expect(resolvePayload(undefined, scope, { value: true, eventName: 'change' })).toEqual({
      value: true,
    })
    expect(resolvePayload('context.newTodoText', scope, field)).toEqual({
      value: 'milk',
      newTodoText: 'eggs',
    })
  })
  it('refuses JavaScript strings', () => {
    expect(() => resolvePayload({ done: "item.status === 'done'" }, scope)).toThrow(/TRP-123/)
    expect(() => resolvePayload('item.id + 1', scope)).toThrow(/TRP-123/)
  })
  it('never returns prototype keys', () => {
    const spec = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c", "ok": "item.user"}')
    const polluted: Scope = {
      item: { user: JSON.parse('{"__proto__": {"admin": true}, "name": "Bo"}') },
    }
    const result = resolvePayload(spec, polluted) as Record<string, unknown>
    expect(Object.keys(result)).toEqual(['ok'])
    expect(Object.keys(result.ok as object)).toEqual(['name'])
    const field = { value: 1, bindingPath: 'context.__proto__', eventName: 'input' }
    expect(Object.keys(resolvePayload(undefined, scope, field) as object)).toEqual(['value'])
  })
})
