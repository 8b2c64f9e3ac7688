import { parseProjectText, validateProject } from '@troupe/core'
import { describe, expect, test } from 'vitest'
import { copyActors, preparePaste } from '../src/canvas/clipboard'
import { countingIds, projectDoc } from './support'

const doc = projectDoc({
  root: {
    view: { container: { layout: 'flex' } },
    children: ['box', 'outside'],
    subscriptions: ['root'],
  },
  box: {
    view: {
      container: { layout: 'flex' },
      children: [
        { slot: 'a', actor: 'item' },
        { slot: 'b', actor: 'other' },
      ],
    },
    children: ['item', 'other'],
    subscriptions: ['box', 'outside'],
    dependencies: { item: 'item', far: 'outside' },
    position: { x: 100, y: 50 },
  },
  item: { subscriptions: ['box', 'root'], position: { x: 140, y: 200 } },
  other: { position: { x: 300, y: 200 } },
  outside: {},
})

describe('copying actors', () => {
  test('keeps links inside the selection and drops those leaving it, as a valid project file', () => {
    const file = copyActors(doc, ['box', 'item'])!
    expect(Object.keys(file.actors).sort()).toEqual(['box', 'item'])
    expect(file.root).toBe('box')
    expect(file.actors.box!.children).toEqual(['item'])
    expect(file.actors.box!.subscriptions).toEqual(['box'])
    expect(file.actors.box!.dependencies).toEqual({ item: 'item' })
    expect(file.actors.box!.view).toEqual({
      container: { layout: 'flex' },
      children: [{ slot: 'a', actor: 'item' }],
    })
    expect(file.actors.item!.subscriptions).toEqual(['box'])
    expect(file.positions).toEqual({ box: { x: 100, y: 50 }, item: { x: 140, y: 200 } })
    expect('position' in file.actors.box!).toBe(false)
    // The text on the clipboard is a project file core accepts.
    const parsed = parseProjectText(JSON.stringify(file))
    expect(parsed.ok).toBe(true)
  })

  test('an empty or unknown selection copies nothing', () => {
    expect(copyActors(doc, [])).toBeNull()
    expect(copyActors(doc, ['nobody'])).toBeNull()
  })
})

describe('pasting actors', () => {
  test('gives new ids, remaps references inside, keeps the arrangement at the origin', () => {
    const file = copyActors(doc, ['box', 'item', 'other'])!
    const pasted = preparePaste(file, {
      taken: (id) => id in doc.actors,
      newId: countingIds(),
      origin: { x: 1000, y: 1000 },
      parentFor: () => 'root',
    })
    const box = pasted.ids.box!
    const item = pasted.ids.item!
    const other = pasted.ids.other!
    expect(new Set([box, item, other]).size).toBe(3)
    for (const id of [box, item, other]) expect(doc.actors[id]).toBeUndefined()
    const pastedBox = pasted.actors[box]!
    expect(pastedBox.children).toEqual([item, other])
    expect(pastedBox.subscriptions).toEqual([box])
    expect(pastedBox.dependencies).toEqual({ item })
    expect(pastedBox.view).toEqual({
      container: { layout: 'flex' },
      children: [
        { slot: 'a', actor: item },
        { slot: 'b', actor: other },
      ],
    })
    expect(pasted.actors[item]!.subscriptions).toEqual([box])
    expect(pastedBox.position).toEqual({ x: 1000, y: 1000 })
    expect(pasted.actors[item]!.position).toEqual({ x: 1040, y: 1150 })
    // Only the top of the pasted tree is linked into the target project.
    expect(pasted.links).toEqual([{ parentId: 'root', childId: box }])
  })

  test('the pasted actors form a valid project with the target’s root', () => {
    const file = copyActors(doc, ['box', 'item'])!
    const pasted = preparePaste(file, {
      taken: (id) => id in doc.actors,
      newId: countingIds(),
      origin: { x: 0, y: 0 },
      parentFor: () => 'root',
    })
    const actors: Record<string, unknown> = { ...doc.actors, ...pasted.actors }
    const root = { ...doc.actors.root!, children: [...doc.actors.root!.children, pasted.ids.box] }
    actors.root = root
    const strip = (a: unknown) => {
      const { position: _p, ...rest } = a as { position: unknown }
      return rest
    }
    const result = validateProject({
      troupe: 1,
      name: 'x',
      root: 'root',
      actors: Object.fromEntries(Object.entries(actors).map(([id, a]) => [id, strip(a)])),
    })
    expect(result.ok ? [] : result.issues).toEqual([])
  })

  test('view-switcher targets keep following their actor and are not linked under the parent', () => {
    const switcher = projectDoc({
      content: {
        view: { container: { layout: 'content' } },
        context: { visible: true, viewActors: { a: 'one', b: 'two' }, viewMode: 'a' },
        children: ['one'],
      },
      one: {},
      two: {},
    })
    const file = copyActors(switcher, ['content', 'one', 'two'])!
    const pasted = preparePaste(file, {
      taken: () => false,
      newId: countingIds(),
      origin: { x: 0, y: 0 },
      parentFor: () => 'root',
    })
    expect(pasted.actors[pasted.ids.content!]!.context.viewActors).toEqual({
      a: pasted.ids.one,
      b: pasted.ids.two,
    })
    expect(pasted.links).toEqual([{ parentId: 'root', childId: pasted.ids.content }])
  })

  test('a file without positions is laid out as a tree below the origin', () => {
    const file = copyActors(doc, ['box', 'item', 'other'])!
    delete file.positions
    const pasted = preparePaste(file, {
      taken: () => false,
      newId: countingIds(),
      origin: { x: 10, y: 20 },
      parentFor: () => null,
    })
    expect(pasted.actors[pasted.ids.box!]!.position).toEqual({ x: 10, y: 20 })
    expect(pasted.actors[pasted.ids.item!]!.position).toEqual({ x: 10, y: 150 })
    expect(pasted.actors[pasted.ids.other!]!.position).toEqual({ x: 230, y: 150 })
    expect(pasted.links).toEqual([])
  })
})
