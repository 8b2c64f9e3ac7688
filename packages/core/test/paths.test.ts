import { describe, expect, it } from 'vitest'
import { isDataPath, readPath, resolvePath, type Scope } from '../src/index'

const scope: Scope = {
  context: { newTodoText: 'milk', queries: { todos: { items: [{ id: 'a', tags: ['x', 'y'] }] } } },
  item: { id: 't1', status: 'done' },
  payload: { text: 'hi' },
  dependencies: { content: { context: { viewMode: 'list' } } },
}

describe('resolvePath', () => {
  it('reads every root', () => {
    expect(resolvePath(scope, 'context.newTodoText')).toBe('milk')
    expect(resolvePath(scope, 'item.status')).toBe('done')
    expect(resolvePath(scope, 'item')).toEqual({ id: 't1', status: 'done' })
    expect(resolvePath(scope, 'payload.text')).toBe('hi')
    expect(resolvePath(scope, 'dependencies.content.context.viewMode')).toBe('list')
  })
  it('indexes lists with numeric segments', () => {
    expect(resolvePath(scope, 'context.queries.todos.items.0.id')).toBe('a')
    expect(resolvePath(scope, 'context.queries.todos.items.0.tags.1')).toBe('y')
    expect(resolvePath(scope, 'context.queries.todos.items.5')).toBeUndefined()
    expect(resolvePath(scope, 'context.queries.todos.items.first')).toBeUndefined()
  })
  it('gives undefined for unknown roots and missing steps', () => {
    expect(resolvePath(scope, 'window.location')).toBeUndefined()
    expect(resolvePath(scope, 'context.missing.deeper')).toBeUndefined()
    expect(resolvePath(scope, 'item.status.length')).toBeUndefined()
  })
  it('never reads prototype keys', () => {
    expect(resolvePath(scope, 'context.constructor')).toBeUndefined()
    expect(resolvePath(scope, 'context.__proto__')).toBeUndefined()
    expect(resolvePath(scope, 'context.newTodoText.constructor.prototype')).toBeUndefined()
    expect(resolvePath(scope, 'item.toString')).toBeUndefined()
    expect(resolvePath(scope, 'item.hasOwnProperty')).toBeUndefined()
  })
  it('reads own keys that happen to share a prototype name only when safe', () => {
    const own: Scope = { context: JSON.parse('{"valueOf": 3}') }
    expect(resolvePath(own, 'context.valueOf')).toBe(3)
  })
})

describe('readPath and isDataPath', () => {
  it('reads rootless paths', () => {
    expect(readPath({ a: [{ b: 2 }] }, 'a.0.b')).toBe(2)
    expect(readPath({ a: 1 }, '')).toEqual({ a: 1 })
  })
  it('recognises clean paths only', () => {
    expect(isDataPath('context.a.b')).toBe(true)
    expect(isDataPath('item')).toBe(true)
    expect(isDataPath('items')).toBe(false)
    expect(isDataPath('context.a === 1')).toBe(false)
    expect(isDataPath('context.a[0]')).toBe(false)
    expect(isDataPath('hello')).toBe(false)
  })
})
