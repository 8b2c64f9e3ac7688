import { describe, expect, test } from 'vitest'
import { FlowEdgeBuilder, FlowNodeBuilder } from '../src/canvas/flowElements'
import { kindLabel, receivedTypes, sentEventTypes, summarize } from '../src/canvas/graphSummary'
import { searchActors } from '../src/canvas/search'
import { projectDoc } from './support'

const doc = projectDoc({
  root: {
    view: { container: { layout: 'flex' } },
    children: ['form', 'list'],
    subscriptions: ['root'],
  },
  form: {
    role: 'todoForm',
    view: {
      container: { layout: 'flex', tag: 'form' },
      events: { submit: { event: 'ADD_TODO' } },
      children: [
        { slot: 'x', leaf: { tag: 'input', events: { input: { event: '@input/updateContext' } } } },
      ],
    },
    subscriptions: ['form', 'list'],
  },
  list: {
    role: 'todoList',
    view: {
      foreach: {
        items: 'context.items',
        leaf: { tag: 'li', events: { click: { event: '@entity/toggleStatus' } } },
      },
    },
    subscriptions: ['list'],
  },
})

describe('actor summaries', () => {
  test('a view’s sent event types are found at any depth, foreach included', () => {
    expect(sentEventTypes(doc.actors.form!.view)).toEqual(['@input/updateContext', 'ADD_TODO'])
    expect(sentEventTypes(doc.actors.list!.view)).toEqual(['@entity/toggleStatus'])
    expect(sentEventTypes(doc.actors.root!.view)).toEqual([])
  })

  test('an actor receives what its subscribers’ views send; unhandled types are flagged', () => {
    const received = receivedTypes(doc.actors)
    expect(received.get('form')).toEqual(['@input/updateContext', 'ADD_TODO'])
    expect(received.get('list')).toEqual([
      '@entity/toggleStatus',
      '@input/updateContext',
      'ADD_TODO',
    ])
    expect(received.get('root')).toBeUndefined()
    const summary = summarize(doc.actors.list!, received.get('list')!, {})
    expect(summary).toEqual({
      subscriptionCount: 1,
      childCount: 0,
      receives: ['@entity/toggleStatus', '@input/updateContext', 'ADD_TODO'],
      unhandled: ['ADD_TODO'],
    })
    expect(summarize(doc.actors.list!, received.get('list')!, { ADD_TODO: {} }).unhandled).toEqual(
      [],
    )
  })

  test('kinds read from the view', () => {
    expect(kindLabel(doc.actors.root!.view)).toBe('container')
    expect(kindLabel(doc.actors.list!.view)).toBe('list (foreach)')
    expect(kindLabel({ tag: 'button' })).toBe('<button>')
  })

  test('search matches roles and message types, sent or received, case-insensitively', () => {
    expect(searchActors(doc.actors, 'todolist')).toEqual(['list'])
    expect(searchActors(doc.actors, 'add_todo').sort()).toEqual(['form', 'list'])
    expect(searchActors(doc.actors, 'toggle')).toEqual(['list'])
    expect(searchActors(doc.actors, '  ')).toEqual([])
  })
})

describe('flow elements', () => {
  test('a selection change makes new objects only for the nodes whose selection changed', () => {
    const builder = new FlowNodeBuilder()
    const first = builder.build(doc, new Set(), {}, null)
    const second = builder.build(doc, new Set(['form']), {}, null)
    expect(second.map((n, i) => n === first[i])).toEqual([true, false, true])
    expect(second[1]!.selected).toBe(true)
    const dragged = builder.build(doc, new Set(['form']), { list: { x: 9, y: 9 } }, null)
    expect(dragged.map((n, i) => n === second[i])).toEqual([true, true, false])
    expect(dragged[2]!.position).toEqual({ x: 9, y: 9 })
  })

  test('a dragged node is raised over the others, a merely selected one is not', () => {
    const builder = new FlowNodeBuilder()
    const selected = builder.build(doc, new Set(['list']), {}, null)
    expect(selected.map((n) => n.zIndex)).toEqual([undefined, undefined, undefined])
    const dragged = builder.build(doc, new Set(['list']), { list: { x: 9, y: 9 } }, null)
    expect(dragged.map((n) => n.zIndex)).toEqual([undefined, undefined, 1000])
    // Dropped where the drag left it: the same position, no longer raised.
    const dropped = {
      ...doc,
      actors: { ...doc.actors, list: { ...doc.actors.list!, position: { x: 9, y: 9 } } },
    }
    const after = builder.build(dropped, new Set(['list']), {}, null)
    expect(after[2]!.zIndex).toBeUndefined()
    expect(after[2]!.position).toEqual({ x: 9, y: 9 })
  })

  test('a drag frame keeps every data object: summaries are computed per snapshot only', () => {
    const builder = new FlowNodeBuilder()
    const first = builder.build(doc, new Set(), {}, null)
    const frame = builder.build(doc, new Set(), { list: { x: 1, y: 2 } }, null)
    const nextFrame = builder.build(doc, new Set(), { list: { x: 3, y: 4 } }, null)
    expect(nextFrame[2]).not.toBe(frame[2])
    expect(nextFrame.map((n) => n.data)).toEqual(first.map((n) => n.data))
    expect(nextFrame.every((n, i) => n.data === first[i]!.data)).toBe(true)
  })

  test('drag frames touch only the nodes dragged now or a frame ago', () => {
    const builder = new FlowNodeBuilder()
    expect(builder.dragFrame({ form: { x: 1, y: 1 } })).toBeNull()
    const selected = new Set<string>()
    const first = builder.build(doc, selected, {}, null)
    const frame = builder.build(doc, selected, { form: { x: 5, y: 6 } }, null)
    expect(frame).not.toBe(first)
    expect(frame.map((n, i) => n === first[i])).toEqual([true, false, true])
    expect(frame[1]!.position).toEqual({ x: 5, y: 6 })
    // The drag moves on to another node: the first goes back to where the document has it.
    const other = builder.build(doc, selected, { list: { x: 7, y: 8 } }, null)
    expect(other[1]!.position).toEqual(doc.actors.form!.position)
    expect(other[1]!.zIndex).toBeUndefined()
    expect(other[2]!.position).toEqual({ x: 7, y: 8 })
    expect(other[0]).toBe(first[0])
    // A frame straight into React Flow's store (the canvas does not render) is the same.
    const direct = builder.dragFrame({ list: { x: 11, y: 12 } })!
    expect(direct[2]!.position).toEqual({ x: 11, y: 12 })
    expect(direct.map((n, i) => n === other[i])).toEqual([true, true, false])
    // Ended without the document taking the move (it refused): all back as they were.
    const ended = builder.build(doc, selected, {}, null)
    expect(ended.map((n) => n.position)).toEqual(first.map((n) => n.position))
    expect(ended.every((n) => n.zIndex === undefined)).toBe(true)
  })

  test('a new snapshot with one actor changed reuses every other node', () => {
    const builder = new FlowNodeBuilder()
    const first = builder.build(doc, new Set(), {}, null)
    const changed = {
      ...doc,
      actors: { ...doc.actors, root: { ...doc.actors.root!, role: 'app' } },
    }
    const second = builder.build(changed, new Set(), {}, null)
    expect(second.map((n, i) => n === first[i])).toEqual([false, true, true])
    expect(second[0]!.data.role).toBe('app')
  })

  test('subscriptions and child links become two kinds of edge on separate handles', () => {
    const edges = new FlowEdgeBuilder().build(doc, new Set())
    const byId = Object.fromEntries(edges.map((e) => [e.id, e]))
    expect(byId['sub:form>list']).toMatchObject({
      type: 'subscription',
      sourceHandle: 'msg-out',
      targetHandle: 'msg-in',
    })
    expect(byId['sub:form>form']).toMatchObject({ source: 'form', target: 'form' })
    expect(byId['child:root>list']).toMatchObject({
      type: 'child',
      sourceHandle: 'child-out',
      targetHandle: 'parent-in',
      data: { kind: 'child', from: 'root', to: 'list', index: 1 },
    })
    expect(edges.filter((e) => e.type === 'child')).toHaveLength(2)
    expect(edges.filter((e) => e.type === 'subscription')).toHaveLength(4)
  })

  test('only selected edges carry reconnect grips; the others are reused as they were', () => {
    const builder = new FlowEdgeBuilder()
    const before = builder.build(doc, new Set())
    expect(before.every((e) => e.reconnectable === false)).toBe(true)
    const after = builder.build(doc, new Set(['sub:form>list']))
    const byId = Object.fromEntries(after.map((e) => [e.id, e]))
    expect(byId['sub:form>list']).toMatchObject({ selected: true, reconnectable: true })
    expect(after.filter((e) => e.reconnectable)).toHaveLength(1)
    const unchanged = after.filter((e) => e.id !== 'sub:form>list')
    expect(unchanged.every((e) => before.includes(e))).toBe(true)
  })
})
