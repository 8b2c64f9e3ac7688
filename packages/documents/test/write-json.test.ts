import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { deepEqual, writeJson, writeJsonOver } from '../src/write-json'

type Doc = { view: Record<string, unknown> }

const view = {
  container: { layout: 'flex', class: 'gap-2' },
  children: [
    { slot: 'title', leaf: { tag: 'h1', elements: ['Todos'] } },
    { slot: 'add', leaf: { tag: 'button', classes: 'btn', elements: ['Add'] } },
    { slot: 'list', leaf: { tag: 'ul' } },
  ],
}

const edit = (doc: A.Doc<Doc>, next: unknown) =>
  A.change(doc, (d) => {
    writeJson(d as unknown as Record<string, unknown>, 'view', next)
  })

/** The patches one edit produces: the structural footprint of the change. */
const footprint = (doc: A.Doc<Doc>, next: unknown) => {
  const after = edit(doc, next)
  return A.diff(after, A.getHeads(doc), A.getHeads(after)).map(
    (p) => `${p.action} ${p.path.slice(1).join('.')}`,
  )
}

describe('writeJson', () => {
  // A document can be changed once; each use starts from its own copy of the same history.
  const origin = A.from<Doc>({ view: structuredClone(view) })
  const base = () => A.clone(origin)

  it('writes the new value exactly (the result equals the input)', () => {
    const next = structuredClone(view) as Record<string, unknown>
    next.container = { layout: 'grid', tag: 'section' }
    next.events = { click: { event: '@ui/toggleVisible' } }
    ;(next.children as unknown[]).reverse()
    expect(JSON.parse(JSON.stringify(edit(base(), next).view))).toEqual(next)
  })

  it('changes one nested field and nothing else', () => {
    const next = structuredClone(view)
    next.children[1]!.leaf.classes = 'btn btn-primary'
    // Automerge 3 stores strings as text: a new string is a put followed by its content.
    const patches = footprint(base(), next)
    expect(patches[0]).toBe('put children.1.leaf.classes')
    expect(patches.every((p) => p.includes('children.1.leaf.classes'))).toBe(true)
  })

  it('inserts into a list without rewriting the elements after it', () => {
    const next = structuredClone(view)
    next.children.splice(1, 0, { slot: 'hint', leaf: { tag: 'p', elements: ['hi'] } })
    const patches = footprint(base(), next)
    expect(patches.every((p) => p.includes('children.1'))).toBe(true)
    expect(patches[0]).toBe('insert children.1')
  })

  it('removes a list element and a key as single deletions', () => {
    const next = structuredClone(view) as Record<string, unknown>
    ;(next.children as unknown[]).splice(0, 1)
    delete (next.container as Record<string, unknown>).class
    expect(footprint(base(), next).sort()).toEqual(['del children.0', 'del container.class'])
  })

  it('writes nothing when the value is unchanged', () => {
    expect(footprint(base(), structuredClone(view))).toEqual([])
  })

  it('keeps both sides of concurrent edits to different parts of one view', () => {
    const alice = A.clone(origin, { actor: 'aa'.repeat(16) })
    const bob = A.clone(origin, { actor: 'bb'.repeat(16) })
    const aliceView = structuredClone(view)
    aliceView.children[0]!.leaf.elements = ['My todos']
    const bobView = structuredClone(view)
    bobView.children[1]!.leaf.classes = 'btn-lg'
    bobView.container.class = 'gap-4'
    const merged = A.merge(edit(alice, aliceView), edit(bob, bobView))
    const expected = structuredClone(view)
    expected.children[0]!.leaf.elements = ['My todos']
    expected.children[1]!.leaf.classes = 'btn-lg'
    expected.container.class = 'gap-4'
    expect(JSON.parse(JSON.stringify(merged.view))).toEqual(expected)
  })

  it('replaces a value whose kind changed (object to list, list to string)', () => {
    const doc = A.from<{ v: Record<string, unknown> }>({ v: { a: { x: 1 }, b: [1, 2] } })
    const next = A.change(doc, (d) =>
      writeJson(d as unknown as Record<string, unknown>, 'v', { a: [1], b: 'two' }),
    )
    expect(JSON.parse(JSON.stringify(next.v))).toEqual({ a: [1], b: 'two' })
  })
})

describe('writeJsonOver (differences found in a plain snapshot, not through the proxy)', () => {
  const origin = A.from<Doc>({ view: structuredClone(view) })
  const over = (doc: A.Doc<Doc>, next: unknown) =>
    A.change(doc, (d) => {
      writeJsonOver(d as unknown as Record<string, unknown>, 'view', next, doc.view)
    })
  const patchesOf = (before: A.Doc<Doc>, after: A.Doc<Doc>) =>
    A.diff(after, A.getHeads(before), A.getHeads(after)).map(
      (p) => `${p.action} ${p.path.slice(1).join('.')}`,
    )
  const edits: Record<string, (next: typeof view & Record<string, unknown>) => void> = {
    'one nested field': (next) => {
      next.children[1]!.leaf.classes = 'btn btn-primary'
    },
    'a list insert': (next) => {
      next.children.splice(1, 0, { slot: 'hint', leaf: { tag: 'p', elements: ['hi'] } })
    },
    'a removed element and key': (next) => {
      next.children.splice(0, 1)
      delete (next.container as Record<string, unknown>).class
    },
    'a reversed list and new keys': (next) => {
      next.children.reverse()
      next.events = { click: { event: '@ui/toggleVisible' } }
    },
    'a value of another kind': (next) => {
      ;(next as Record<string, unknown>).container = ['flex']
    },
    nothing: () => {},
  }
  for (const [name, apply] of Object.entries(edits)) {
    it(`writes what writeJson writes for ${name}`, () => {
      const next = structuredClone(view) as typeof view & Record<string, unknown>
      apply(next)
      const base = A.clone(origin)
      const viaSnapshot = over(base, next)
      const viaProxy = edit(A.clone(origin), next)
      expect(JSON.parse(JSON.stringify(viaSnapshot.view))).toEqual(next)
      expect(patchesOf(base, viaSnapshot)).toEqual(patchesOf(base, viaProxy))
    })
  }
})

describe('deepEqual', () => {
  it('compares immutable strings (log entries, seeded entities) by their text', () => {
    const mine = A.from({ log: [new A.ImmutableString('{"id":"m1"}')] })
    const theirs = A.load<typeof mine>(A.save(mine))
    // Each peer reads its own ImmutableString objects: equal documents must still compare equal.
    expect(mine.log[0]).not.toBe(theirs.log[0])
    expect(deepEqual(mine, theirs)).toBe(true)
    const other = A.change(theirs, (d) => {
      d.log[0] = new A.ImmutableString('{"id":"m2"}')
    })
    expect(deepEqual(mine, other)).toBe(false)
    expect(deepEqual(new A.ImmutableString('x'), 'x')).toBe(false)
  })
})
