import { Repo } from '@automerge/automerge-repo'
import { type ActorDefinition, issueCodes, TroupeValidationError } from '@troupe/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  addActor,
  createProject,
  type DocHandle,
  linkChild,
  type ProjectDoc,
  projectDefinition,
  removeActor,
  setActorContext,
  setActorPosition,
  setActorView,
  subscribe,
  unlinkChild,
  unsubscribe,
} from '../src/index'

const leaf = (role: string): ActorDefinition => ({
  role,
  context: { visible: true },
  view: { tag: 'button', elements: [role] },
  subscriptions: [],
  children: [],
  dependencies: {},
})

/** Runs `edit`, expects it refused with `code`, and checks the document did not change. */
function expectRefused(handle: DocHandle<ProjectDoc>, code: string, edit: () => void) {
  const heads = handle.heads()
  let thrown: unknown
  try {
    edit()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(TroupeValidationError)
  expect((thrown as TroupeValidationError).issues.map((i) => i.code)).toContain(code)
  expect(handle.heads()).toEqual(heads)
}

describe('project definition edits', () => {
  let repo: Repo
  let project: DocHandle<ProjectDoc>
  beforeEach(() => {
    repo = new Repo({ network: [] })
    project = createProject(repo, { name: 'Edits' }).project
  })
  afterEach(() => repo.shutdown())

  it('starts with a root container that subscribes to itself', () => {
    const doc = project.doc()
    expect(doc.type).toBe('troupe/project')
    expect(doc.version).toBe(1)
    const root = doc.actors[doc.root]!
    expect(root.role).toBe('root')
    expect('container' in root.view).toBe(true)
    expect(root.subscriptions).toEqual([doc.root])
    expect(doc.instanceUrl).toMatch(/^automerge:/)
  })

  it('adds an actor that subscribes to itself, at its position', () => {
    const id = addActor(project, { ...leaf('button'), subscriptions: ['root'] }, { x: 10, y: 20 })
    const actor = project.doc().actors[id]!
    expect(actor.subscriptions).toEqual([id, 'root'])
    expect(actor.position).toEqual({ x: 10, y: 20 })
    expect(id).toMatch(/^button-/)
  })

  it('refuses an actor whose view breaks the rules, and stores nothing', () => {
    expectRefused(project, issueCodes.tagNotAllowed, () =>
      addActor(project, { ...leaf('x'), view: { tag: 'script' } }, { x: 0, y: 0 }),
    )
    expect(Object.keys(project.doc().actors)).toEqual(['root'])
  })

  it('refuses invalid views with the actor and JSON path, changing nothing', () => {
    const id = addActor(project, leaf('link'), { x: 0, y: 0 })
    const bad = { tag: 'a', attributes: { href: 'javascript:alert(1)' }, elements: ['x'] }
    let issues: TroupeValidationError['issues'] = []
    try {
      setActorView(project, id, bad)
    } catch (error) {
      issues = (error as TroupeValidationError).issues
    }
    expect(issues[0]).toMatchObject({ code: issueCodes.unsafeUrl, actorId: id })
    expect(issues[0]!.path).toEqual(['view', 'attributes', 'href'])
    expectRefused(project, issueCodes.codeExpression, () =>
      setActorView(project, id, { tag: 'span', bindings: { visible: "item.status === 'done'" } }),
    )
  })

  it('refuses edits that name a missing actor', () => {
    expectRefused(project, issueCodes.missingActor, () =>
      setActorView(project, 'ghost', { tag: 'p' }),
    )
    expectRefused(project, issueCodes.missingActor, () =>
      setActorPosition(project, 'ghost', { x: 1, y: 1 }),
    )
    expectRefused(project, issueCodes.missingActor, () => subscribe(project, 'root', 'ghost'))
  })

  it('sets position and initial context', () => {
    const id = addActor(project, leaf('a'), { x: 0, y: 0 })
    setActorPosition(project, id, { x: 5.5, y: -3 })
    setActorContext(project, id, { visible: true, taps: 7 })
    expect(project.doc().actors[id]!.position).toEqual({ x: 5.5, y: -3 })
    expect(project.doc().actors[id]!.context).toEqual({ visible: true, taps: 7 })
    expectRefused(project, issueCodes.invalidShape, () =>
      setActorPosition(project, id, { x: Number.NaN, y: 0 }),
    )
  })

  it('links children by the forest rules: one parent, no cycles', () => {
    const a = addActor(project, leaf('a'), { x: 0, y: 0 })
    const b = addActor(project, leaf('b'), { x: 0, y: 0 })
    linkChild(project, 'root', a)
    linkChild(project, a, b)
    expect(project.doc().actors.root!.children).toEqual([a])
    expectRefused(project, issueCodes.secondParent, () => linkChild(project, 'root', b))
    expectRefused(project, issueCodes.parentCycle, () => linkChild(project, b, 'root'))
    expectRefused(project, issueCodes.parentCycle, () => linkChild(project, b, b))
    unlinkChild(project, a, b)
    linkChild(project, 'root', b, 0)
    expect(project.doc().actors.root!.children).toEqual([b, a])
  })

  it('subscribes and unsubscribes, cycles allowed', () => {
    const a = addActor(project, leaf('a'), { x: 0, y: 0 })
    subscribe(project, a, 'root')
    subscribe(project, 'root', a)
    subscribe(project, a, 'root')
    expect(project.doc().actors[a]!.subscriptions).toEqual([a, 'root'])
    unsubscribe(project, a, a)
    expect(project.doc().actors[a]!.subscriptions).toEqual(['root'])
  })

  it('removes an actor with every reference to it, but never the root', () => {
    const a = addActor(project, leaf('a'), { x: 0, y: 0 })
    const b = addActor(project, { ...leaf('b'), dependencies: { target: a } }, { x: 0, y: 0 })
    linkChild(project, 'root', a)
    subscribe(project, b, a)
    setActorView(project, 'root', {
      container: { layout: 'flex' },
      children: [
        { slot: 'first', actor: a },
        { slot: 'label', leaf: { tag: 'p', elements: ['kept'] } },
      ],
    })
    removeActor(project, a)
    const doc = project.doc()
    expect(doc.actors[a]).toBeUndefined()
    expect(doc.actors.root!.children).toEqual([])
    expect(doc.actors[b]!.subscriptions).toEqual([b])
    expect(doc.actors[b]!.dependencies).toEqual({})
    expect(JSON.parse(JSON.stringify(doc.actors.root!.view))).toEqual({
      container: { layout: 'flex' },
      children: [{ slot: 'label', leaf: { tag: 'p', elements: ['kept'] } }],
    })
    expectRefused(project, issueCodes.rootInvalid, () => removeActor(project, 'root'))
  })

  it('gives the runtime a definition without copying', () => {
    const definition = projectDefinition(project.doc())
    expect(definition.root).toBe('root')
    expect(Object.keys(definition.actors)).toEqual(['root'])
  })
})
