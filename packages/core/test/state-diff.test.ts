import { describe, expect, it } from 'vitest'
import { stateDiff } from '../src/index'

describe('stateDiff', () => {
  it('lists changed, added and removed leaves by path', () => {
    const before = { actors: { a: { context: { n: 1, gone: true } } }, entities: {} }
    const after = {
      actors: { a: { context: { n: 2 } }, b: { context: { x: 'new' } } },
      entities: {},
    }
    expect(stateDiff(before, after)).toEqual([
      { path: 'actors.a.context.gone', before: true },
      { path: 'actors.a.context.n', before: 1, after: 2 },
      { path: 'actors.b.context.x', after: 'new' },
    ])
  })

  it('compares lists whole and reports nothing for equal values', () => {
    expect(stateDiff({ l: [1, 2] }, { l: [1, 2] })).toEqual([])
    expect(stateDiff({ l: [1, 2] }, { l: [2, 1] })).toEqual([
      { path: 'l', before: [1, 2], after: [2, 1] },
    ])
  })
})
