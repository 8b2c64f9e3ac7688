import { describe, expect, it } from 'vitest'
import {
  classifyString,
  ExpressionError,
  evaluateBinding,
  looksLikeCode,
  resolveValue,
  type Scope,
  suggestExpression,
} from '../src/index'

const scope: Scope = {
  context: { x: 1, title: 'Todos' },
  item: { status: 'done', id: 't1' },
  payload: { text: 'hello' },
  dependencies: { header: { context: { open: true } } },
}

describe('evaluateBinding', () => {
  it('reads path strings from every root', () => {
    expect(evaluateBinding('context.title', scope)).toBe('Todos')
    expect(evaluateBinding('item', scope)).toEqual({ status: 'done', id: 't1' })
    expect(evaluateBinding('item.status', scope)).toBe('done')
    expect(evaluateBinding('payload.text', scope)).toBe('hello')
    expect(evaluateBinding('dependencies.header.context.open', scope)).toBe(true)
    expect(evaluateBinding('context.missing', scope)).toBeNull()
  })
  it('keeps other strings as literals', () => {
    expect(evaluateBinding('Add todo', scope)).toBe('Add todo')
    expect(evaluateBinding('items left', scope)).toBe('items left')
    expect(evaluateBinding('Really? Yes: no', scope)).toBe('Really? Yes: no')
  })
  it('evaluates $ expressions', () => {
    expect(evaluateBinding({ $eq: [{ $: 'item.status' }, 'done'] }, scope)).toBe(true)
  })
  it.each([
    ["item.status === 'done'", '{"$eq":[{"$":"item.status"},"done"]}'],
    ['!context.x', '{"$not":{"$":"context.x"}}'],
    ['a && b', '{"$and":[{"$":"context.a"},{"$":"context.b"}]}'],
    [
      "item.done ? 'line-through' : ''",
      '{"$if":{"test":{"$":"item.done"},"then":"line-through","else":""}}',
    ],
    [
      'context.count > 0 || item.n <= 2',
      '{"$or":[{"$gt":[{"$":"context.count"},0]},{"$lte":[{"$":"item.n"},2]}]}',
    ],
    ['item.tags.length !== 0', '{"$neq":[{"$length":{"$":"item.tags"}},0]}'],
  ])('refuses %s with TRP-123 and shows the $ form', (code, suggestion) => {
    expect(looksLikeCode(code)).toBe(true)
    expect(suggestExpression(code)).toBe(suggestion)
    try {
      evaluateBinding(code, scope)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError)
      expect((error as ExpressionError).code).toBe('TRP-123')
      expect((error as ExpressionError).message).toContain(suggestion)
    }
  })
  it('refuses code it cannot translate, with a generic example', () => {
    expect(() => evaluateBinding('context.items.filter(i => i.done)', scope)).toThrow(/\$eq/)
  })
  it('classifies strings', () => {
    expect(classifyString('context.a')).toBe('path')
    expect(classifyString('context.a + 1')).toBe('code')
    expect(classifyString('just text')).toBe('literal')
  })
})

describe('resolveValue', () => {
  it('reads path strings at any depth and evaluates expressions', () => {
    expect(
      resolveValue(
        { entityData: { text: 'payload.text', tags: ['item.id', 'x'] }, n: { $add: [1, 2] } },
        scope,
      ),
    ).toEqual({ entityData: { text: 'hello', tags: ['t1', 'x'] }, n: 3 })
  })
  it('drops prototype keys', () => {
    const value = JSON.parse('{"a": 1, "__proto__": {"b": 2}}')
    const result = resolveValue(value, scope) as object
    expect(Object.keys(result)).toEqual(['a'])
  })
})
