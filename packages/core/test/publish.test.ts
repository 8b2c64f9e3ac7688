import { describe, expect, it } from 'vitest'
import { diffDefinitions, isEmptyDiff, type ProjectFile, slugFromName, slugProblem } from '../src'

const actor = (text: string) => ({
  role: 'label',
  context: { text },
  view: { leaf: { tag: 'p', bindings: { text: 'context.text' } } },
  subscriptions: [],
  children: [],
  dependencies: {},
})

const clone = (file: ProjectFile) => JSON.parse(JSON.stringify(file)) as ProjectFile

// Views here only need to differ, not to render; the diff is over plain JSON.
const v1 = {
  troupe: 1,
  name: 'Demo',
  root: 'root',
  actors: {
    root: { ...actor('root'), children: ['a', 'b'] },
    a: actor('hello'),
    b: actor('bye'),
  },
} as unknown as ProjectFile

describe('diffDefinitions', () => {
  it('lists actors added, removed and changed with the JSON paths that changed', () => {
    const v2: ProjectFile = clone(v1)
    delete v2.actors.b
    v2.actors.c = actor('new') as unknown as ProjectFile['actors'][string]
    v2.actors.root!.children = ['a', 'c']
    v2.actors.a!.context = { text: 'hello!' }
    v2.actors.a!.subscriptions = ['root']
    v2.settings = { cascadeLimit: 10 }
    const diff = diffDefinitions(v1, v2)
    expect(diff.added).toEqual(['c'])
    expect(diff.removed).toEqual(['b'])
    expect(diff.changed).toEqual([
      {
        actorId: 'a',
        paths: [
          ['context', 'text'],
          ['subscriptions', 0],
        ],
      },
      { actorId: 'root', paths: [['children', 1]] },
    ])
    expect(diff.project).toEqual([['settings']])
    expect(isEmptyDiff(diff)).toBe(false)
  })

  it('finds nothing between equal definitions, whatever the key order', () => {
    const same = JSON.parse(JSON.stringify(v1)) as ProjectFile
    same.actors = { b: same.actors.b!, a: same.actors.a!, root: same.actors.root! }
    expect(isEmptyDiff(diffDefinitions(v1, same))).toBe(true)
  })

  it('names a changed leaf of a view, not the whole view', () => {
    const v2: ProjectFile = clone(v1)
    ;(v2.actors.a!.view as { leaf: { tag: string } }).leaf.tag = 'h1'
    expect(diffDefinitions(v1, v2).changed).toEqual([
      { actorId: 'a', paths: [['view', 'leaf', 'tag']] },
    ])
  })
})

describe('slugs', () => {
  it('accepts URL-safe names and refuses the rest with TRP-301', () => {
    expect(slugProblem('todo-list')).toBeUndefined()
    expect(slugProblem('a')).toBeUndefined()
    for (const bad of ['', 'Todo', 'a--b', '-a', 'a-', 'a/b', '../x', 'x'.repeat(64)]) {
      expect(slugProblem(bad)?.code).toBe('TRP-301')
    }
  })

  it('derives a valid slug from any project name', () => {
    expect(slugFromName('My Todo List!')).toBe('my-todo-list')
    expect(slugFromName('Éclair')).toBe('eclair')
    expect(slugFromName('!!!')).toBe('app')
    for (const name of ['My Todo List!', 'x'.repeat(100), ' -- a -- ']) {
      expect(slugProblem(slugFromName(name))).toBeUndefined()
    }
  })
})
