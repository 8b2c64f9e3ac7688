import { describe, expect, it } from 'vitest'
import { type ActorDefinition, issueCodes, lintProject, type ProjectDefinition } from '../src/index'

const actor = (over: Partial<ActorDefinition> = {}): ActorDefinition => ({
  role: 'part',
  context: { visible: true },
  view: { container: { layout: 'flex' } },
  subscriptions: [],
  children: [],
  dependencies: {},
  ...over,
})

const clean: ProjectDefinition = {
  root: 'root',
  actors: {
    root: actor({ subscriptions: ['root'], children: ['button', 'list'] }),
    button: actor({
      context: { visible: true, label: 'Go' },
      view: {
        tag: 'button',
        bindings: { text: 'context.label' },
        events: { click: { event: 'addOne', payload: {} } },
      },
      subscriptions: ['list'],
    }),
    list: actor({
      context: { visible: true, queries: { items: { schemaName: 'items', items: [] } } },
      view: {
        container: { layout: 'flex' },
        foreach: {
          items: 'context.queries.items.items',
          leaf: { tag: 'p', bindings: { text: 'item.text' } },
        },
      },
      subscriptions: ['list'],
    }),
  },
  skills: {
    addOne: { steps: [{ skill: '@entity/createEntity', payload: { schemaName: 'items' } }] },
  },
}

const copy = (): ProjectDefinition => JSON.parse(JSON.stringify(clean))

const codes = (definition: ProjectDefinition) =>
  lintProject(definition).map((f) => [f.code, f.actorId, f.path])

describe('lintProject', () => {
  it('finds nothing in a well-wired project', () => {
    expect(lintProject(clean)).toEqual([])
  })

  it('reports a message type no skill handles, at the event in the view', () => {
    const next = copy()
    next.skills = {}
    expect(codes(next)).toEqual([
      [issueCodes.lintUnhandledType, 'button', ['view', 'events', 'click', 'event']],
    ])
    expect(lintProject(next)[0]?.message).toContain('"addOne"')
  })

  it('reports an event whose sender subscribes to nobody', () => {
    const next = copy()
    next.actors.button!.subscriptions = []
    expect(codes(next)).toEqual([
      [issueCodes.lintSenderWithoutSubscribers, 'button', ['view', 'events', 'click', 'event']],
    ])
  })

  it('reports subscriptions, children and dependencies naming missing actors', () => {
    const next = copy()
    next.actors.root!.subscriptions = ['root', 'ghost']
    next.actors.root!.children = ['button', 'list', 'phantom']
    next.actors.list!.dependencies = { source: 'nobody' }
    expect(codes(next)).toEqual([
      [issueCodes.lintMissingSubscription, 'root', ['subscriptions', 1]],
      [issueCodes.lintMissingChild, 'root', ['children', 2]],
      [issueCodes.lintMissingDependency, 'list', ['dependencies', 'source']],
    ])
  })

  it('reports context paths nothing provides, in bindings, expressions and foreach items', () => {
    const next = copy()
    next.actors.button!.view = {
      tag: 'button',
      bindings: {
        text: { $concat: ['Hi ', { $: 'context.nmae' }] },
        class: 'context.label',
        visible: 'context.shown',
      },
      events: { click: { event: 'addOne' } },
    }
    next.actors.list!.view = { container: { layout: 'flex' }, foreach: { items: 'context.rows' } }
    expect(codes(next)).toEqual([
      [issueCodes.lintUnresolvedBinding, 'button', ['view', 'bindings', 'text', '$concat', 1, '$']],
      [issueCodes.lintUnresolvedBinding, 'button', ['view', 'bindings', 'visible']],
      [issueCodes.lintUnresolvedBinding, 'list', ['view', 'foreach', 'items']],
    ])
  })

  it('accepts context keys written by updateContext payloads or form fields', () => {
    const next = copy()
    next.actors.button!.view = {
      tag: 'div',
      elements: [
        { tag: 'p', bindings: { text: 'context.clicks' } },
        { tag: 'input', bindings: { value: 'context.draft' } },
        { tag: 'p', bindings: { text: 'context.draft' } },
      ],
      events: { click: { event: '@input/updateContext', payload: { clicks: 1 } } },
    }
    expect(codes(next)).toEqual([])
  })

  it('reports actors the root never reaches, and counts view placements as reaching', () => {
    const next = copy()
    next.actors.loner = actor()
    next.actors.placed = actor()
    next.actors.root!.view = {
      container: { layout: 'flex' },
      children: [{ slot: 'p', actor: 'placed' }],
    }
    expect(codes(next)).toEqual([[issueCodes.lintUnreachable, 'loner', []]])
  })
})
