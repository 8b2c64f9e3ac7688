import { describe, expect, it } from 'vitest'
import { rebase } from '../src/index'

/** rebase(current, from, to): apply "from → to" to current only where current still holds from. */
const run = (current: unknown, from: unknown, to: unknown) => {
  const conflicts = { kept: 0 }
  return { value: rebase(current, from, to, conflicts), kept: conflicts.kept }
}

describe('rebase (the inverse undo writes)', () => {
  it('reverts my removal from a list where a collaborator appended meanwhile', () => {
    // I removed "b"; then someone appended "z". Undo puts "b" back where it was.
    expect(run(['a', 'c', 'z'], ['a', 'c'], ['a', 'b', 'c'])).toEqual({
      value: ['a', 'b', 'c', 'z'],
      kept: 0,
    })
  })

  it('reverts my insert into a list where a collaborator inserted elsewhere', () => {
    expect(run(['x', 'a', 'mine', 'b'], ['a', 'mine', 'b'], ['a', 'b'])).toEqual({
      value: ['x', 'a', 'b'],
      kept: 0,
    })
  })

  it('leaves keys I never touched and keeps values someone changed after me', () => {
    const from = { a: 1, b: 2, c: 3 }
    const to = { a: 0, b: 2, c: 0 }
    expect(run({ a: 1, b: 9, c: 7 }, from, to)).toEqual({ value: { a: 0, b: 9, c: 7 }, kept: 1 })
  })

  it('deletes a key I added and restores one I deleted', () => {
    expect(
      run({ keep: 1, added: 2 }, { keep: 1, added: 2, gone: undefined }, { keep: 1, gone: 3 }),
    ).toEqual({
      value: { keep: 1, gone: 3 },
      kept: 0,
    })
  })

  it('keeps a list whose edited run a collaborator changed', () => {
    expect(run(['a', 'changed'], ['a', 'mine'], ['a'])).toEqual({
      value: ['a', 'changed'],
      kept: 1,
    })
  })

  it("with prefer 'to' a part both changed takes the edit, and other parts still keep theirs", () => {
    const conflicts = { kept: 0 }
    const value = rebase(
      { a: 'theirs', b: 'theirs' },
      { a: 1, b: 1 },
      { a: 'mine', b: 1 },
      conflicts,
      'to',
    )
    expect(value).toEqual({ a: 'mine', b: 'theirs' })
    expect(conflicts.kept).toBe(0)
  })
})
