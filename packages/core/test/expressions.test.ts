import { describe, expect, it } from 'vitest'
import { ExpressionError, evaluate, type Json, operatorNames, type Scope } from '../src/index'

const scope: Scope = {
  context: { count: 3, name: '  Ada  ', tags: ['a', 'b'], when: 0, empty: '' },
  item: { status: 'done', n: 7, nested: { deep: [10, 20] } },
  now: () => 1_700_000_000_000,
}
const ev = (v: Json) => evaluate(v, scope)
const path = (p: string) => ({ $: p })
/** Builds `{ $if: … }`; shorthand keeps the linter's thenable check quiet about `then`. */
const iff = (test: Json, then: Json, otherwise?: Json): Json =>
  otherwise === undefined ? { $if: { test, then } } : { $if: { test, then, else: otherwise } }

describe('evaluate: literals', () => {
  it('returns literals unchanged, strings included', () => {
    expect(ev('item.status')).toBe('item.status')
    expect(ev(5)).toBe(5)
    expect(ev(null)).toBeNull()
    const obj = { a: 1, b: ['x'] }
    expect(ev(obj)).toBe(obj)
  })
  it('evaluates expressions nested in lists and objects', () => {
    expect(ev({ a: path('item.status'), b: [path('context.count'), 'x'] })).toEqual({
      a: 'done',
      b: [3, 'x'],
    })
  })
  it('reads paths, missing as null', () => {
    expect(ev(path('item.nested.deep.1'))).toBe(20)
    expect(ev(path('item.nope'))).toBeNull()
  })
})

describe('evaluate: operators', () => {
  const cases: [string, Json, Json][] = [
    ['$ path', { $: 'item.n' }, 7],
    ['$eq true', { $eq: [path('item.status'), 'done'] }, true],
    ['$eq deep', { $eq: [path('context.tags'), ['a', 'b']] }, true],
    ['$eq false', { $eq: [path('item.status'), 'todo'] }, false],
    ['$neq', { $neq: [path('item.status'), 'todo'] }, true],
    ['$gt', { $gt: [path('item.n'), 5] }, true],
    ['$gt mixed kinds', { $gt: [path('item.n'), '5'] }, false],
    ['$lt', { $lt: [path('item.n'), 5] }, false],
    ['$gte', { $gte: [7, path('item.n')] }, true],
    ['$lte strings', { $lte: ['abc', 'abd'] }, true],
    ['$and', { $and: [true, { $gt: [path('context.count'), 1] }] }, true],
    ['$and false', { $and: [true, path('context.when')] }, false],
    ['$or', { $or: [false, path('context.empty'), 'x'] }, true],
    ['$or false', { $or: [false, path('context.empty')] }, false],
    ['$not', { $not: path('context.empty') }, true],
    ['$not wrapped', { $not: [true] }, false],
    ['$if then', iff(path('item.n'), 'yes', 'no'), 'yes'],
    ['$if else', iff(path('context.when'), 'yes', 'no'), 'no'],
    ['$if missing else', iff(false, 'yes'), null],
    [
      '$switch case',
      { $switch: { on: path('item.status'), cases: { done: 'D', todo: 'T' }, default: '?' } },
      'D',
    ],
    [
      '$switch number on',
      { $switch: { on: path('context.count'), cases: { '3': 'three' } } },
      'three',
    ],
    ['$switch default', { $switch: { on: 'x', cases: { done: 'D' }, default: '?' } }, '?'],
    ['$switch no default', { $switch: { on: 'x', cases: {} } }, null],
    ['$concat', { $concat: ['n=', path('item.n'), ' ', null, true] }, 'n=7 true'],
    ['$trim', { $trim: path('context.name') }, 'Ada'],
    ['$uppercase', { $uppercase: 'abc' }, 'ABC'],
    ['$lowercase', { $lowercase: ['ABC'] }, 'abc'],
    ['$includes string', { $includes: ['hello', 'ell'] }, true],
    ['$includes list', { $includes: [path('context.tags'), 'b'] }, true],
    ['$includes list miss', { $includes: [path('context.tags'), 'z'] }, false],
    ['$includes other', { $includes: [5, 5] }, false],
    ['$string', { $string: path('item.n') }, '7'],
    ['$string object', { $string: { $: 'item.nested' } }, '{"deep":[10,20]}'],
    ['$number', { $number: '42.5' }, 42.5],
    ['$number invalid', { $number: 'abc' }, null],
    ['$boolean', { $boolean: path('context.empty') }, false],
    ['$formatDate default', { $formatDate: 86_400_000 }, '1970-01-02'],
    [
      '$formatDate pattern',
      { $formatDate: { date: '2024-03-05T07:08:09.010Z', format: 'DD/MM/YYYY HH:mm:ss.SSS' } },
      '05/03/2024 07:08:09.010',
    ],
    ['$formatDate invalid', { $formatDate: 'not a date' }, null],
    ['$now', { $now: {} }, 1_700_000_000_000],
    ['$add', { $add: [1, path('item.n'), '2'] }, 10],
    ['$add null as 0', { $add: [path('item.nope'), 1] }, 1],
    ['$sub', { $sub: [path('item.n'), 2] }, 5],
    ['$mul', { $mul: [2, 3, 4] }, 24],
    ['$div', { $div: [7, 2] }, 3.5],
    ['$div by zero', { $div: [7, 0] }, null],
    ['$mod', { $mod: [7, 3] }, 1],
    ['$length list', { $length: path('context.tags') }, 2],
    ['$length string', { $length: 'abcd' }, 4],
    ['$length object', { $length: path('item') }, 3],
    ['$length other', { $length: 5 }, 0],
    ['$get', { $get: { from: path('item.nested'), path: 'deep.0' } }, 10],
    ['$get proto', { $get: { from: path('item'), path: 'constructor' } }, null],
  ]
  it.each(cases)('%s', (_name, expr, expected) => {
    expect(ev(expr)).toEqual(expected)
  })

  it('covers every operator in the table', () => {
    const used = new Set(cases.map(([, e]) => Object.keys(e as object)[0]))
    for (const name of operatorNames) expect(used, name).toContain(name)
  })

  it('short-circuits $and/$or/$if so the other branch is not evaluated', () => {
    const bad = { $nope: 1 }
    expect(ev({ $and: [false, bad] })).toBe(false)
    expect(ev({ $or: [true, bad] })).toBe(true)
    expect(ev(iff(true, 1, bad))).toBe(1)
  })

  it('uses Date.now when the scope has no clock', () => {
    const before = Date.now()
    const value = evaluate({ $now: null }, {}) as number
    expect(value).toBeGreaterThanOrEqual(before)
    expect(value).toBeLessThanOrEqual(Date.now())
  })
})

describe('evaluate: errors', () => {
  it('refuses unknown operators with TRP-125 and the path', () => {
    try {
      ev({ a: [{ $bogus: 1 }] })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError)
      expect((error as ExpressionError).code).toBe('TRP-125')
      expect((error as ExpressionError).path).toEqual(['a', 0])
    }
  })
  it('refuses malformed operands with TRP-128 anchored at the operand', () => {
    expect(() => ev({ $eq: [1] })).toThrow(/TRP-128/)
    try {
      ev({ $if: { test: { $add: [1, 'x'] } } })
      expect.unreachable()
    } catch (error) {
      expect((error as ExpressionError).path).toEqual(['$if', 'test', '$add', 1])
    }
    expect(() => ev({ $: 5 })).toThrow(ExpressionError)
    expect(() => ev({ $get: { from: 1 } })).toThrow(/TRP-128/)
  })
  it('treats objects with several keys as literals, dropping prototype keys', () => {
    const literal = JSON.parse(
      '{"$eq": [1, 1], "other": {"$": "item.n"}, "__proto__": {"polluted": true}}',
    )
    const result = ev(literal) as Record<string, Json>
    expect(result.other).toBe(7)
    expect(Object.hasOwn(result, '__proto__')).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
