import { Repo } from '@automerge/automerge-repo'
import { type ActorDefinition, issueCodes, TroupeValidationError } from '@troupe/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  addActor,
  addActors,
  createProject,
  type DocHandle,
  linkChild,
  moveChild,
  type ProjectDoc,
  removeActors,
  setActorPositions,
  setActorView,
  subscribe,
} from '../src/index'

const leaf = (role: string, extra: Partial<ActorDefinition> = {}): ActorDefinition => ({
  role,
  context: { visible: true },
  view: { tag: 'p', elements: [role] },
  subscriptions: [],
  children: [],
  dependencies: {},
  ...extra,
})

function refusal(handle: DocHandle<ProjectDoc>, edit: () => void): string[] {
  const heads = handle.heads()
  try {
    edit()
  } catch (error) {
    expect(handle.heads()).toEqual(heads)
    expect(error).toBeInstanceOf(TroupeValidationError)
    return (error as TroupeValidationError).issues.map((i) => i.code)
  }
  throw new Error('the edit was not refused')
}

describe('bulk project edits', () => {
  let repo: Repo
  let project: DocHandle<ProjectDoc>
  let root: string
  beforeEach(() => {
    repo = new Repo({ network: [] })
    project = createProject(repo, { name: 'Bulk' }).project
    root = project.doc().root
  })
  afterEach(() => repo.shutdown())

  it('removeActors removes every reference to each removed actor in one change', () => {
    const a = addActor(project, leaf('a'), { x: 0, y: 0 })
    const b = addActor(project, leaf('b'), { x: 0, y: 0 })
    const c = addActor(
      project,
      leaf('c', {
        view: { container: { layout: 'flex' } },
        dependencies: { first: a, second: b },
      }),
      { x: 0, y: 0 },
    )
    linkChild(project, root, c)
    linkChild(project, c, a)
    setActorView(project, c, {
      container: { layout: 'flex' },
      children: [{ slot: 'x', actor: a }],
    })
    linkChild(project, root, b)
    subscribe(project, c, b)
    const before = project.heads()
    removeActors(project, [a, b])
    expect(project.heads()).not.toEqual(before)
    const doc = project.doc()
    expect(Object.keys(doc.actors).sort()).toEqual([c, root].sort())
    expect(doc.actors[root]!.children).toEqual([c])
    expect(doc.actors[c]!.children).toEqual([])
    expect(doc.actors[c]!.subscriptions).toEqual([c])
    expect(doc.actors[c]!.dependencies).toEqual({})
    expect(doc.actors[c]!.view).toEqual({ container: { layout: 'flex' }, children: [] })
  })

  it('removeActors refuses the root and changes nothing', () => {
    const a = addActor(project, leaf('a'), { x: 0, y: 0 })
    expect(refusal(project, () => removeActors(project, [a, root]))).toContain(
      issueCodes.rootInvalid,
    )
    expect(project.doc().actors[a]).toBeDefined()
  })

  it('moveChild reorders a parent’s children and clamps the index', () => {
    const ids = ['a', 'b', 'c'].map((r) => addActor(project, leaf(r), { x: 0, y: 0 }))
    for (const id of ids) linkChild(project, root, id)
    moveChild(project, root, ids[2]!, 0)
    expect(project.doc().actors[root]!.children).toEqual([ids[2], ids[0], ids[1]])
    moveChild(project, root, ids[2]!, 99)
    expect(project.doc().actors[root]!.children).toEqual([ids[0], ids[1], ids[2]])
    expect(refusal(project, () => moveChild(project, ids[0]!, ids[1]!, 0))).toContain(
      issueCodes.missingActor,
    )
  })

  it('addActors inserts linked actors in one change, and refuses a cycle or a second parent whole', () => {
    const heads = project.heads()
    addActors(project, {
      actors: {
        box: { ...leaf('box', { children: ['item'] }), position: { x: 1, y: 2 } },
        item: { ...leaf('item', { subscriptions: ['box'] }), position: { x: 3, y: 4 } },
      },
      links: [{ parentId: root, childId: 'box' }],
    })
    const doc = project.doc()
    expect(doc.actors[root]!.children).toEqual(['box'])
    expect(doc.actors.item!.subscriptions).toEqual(['box'])
    expect(doc.actors.box!.position).toEqual({ x: 1, y: 2 })
    expect(project.heads()).not.toEqual(heads)

    expect(
      refusal(project, () =>
        addActors(project, {
          actors: { other: { ...leaf('other'), position: { x: 0, y: 0 } } },
          links: [
            { parentId: root, childId: 'other' },
            { parentId: 'box', childId: 'other' },
          ],
        }),
      ),
    ).toContain(issueCodes.secondParent)
    expect(
      refusal(project, () =>
        addActors(project, {
          actors: { loop: { ...leaf('loop', { children: [root] }), position: { x: 0, y: 0 } } },
          links: [{ parentId: root, childId: 'loop' }],
        }),
      ),
    ).toContain(issueCodes.parentCycle)
    expect(
      refusal(project, () =>
        addActors(project, {
          actors: { box: { ...leaf('again'), position: { x: 0, y: 0 } } },
          links: [],
        }),
      ),
    ).toContain(issueCodes.invalidShape)
    expect(project.doc().actors.other).toBeUndefined()
  })

  it('setActorPositions moves many actors in one change and refuses unknown ids or NaN', () => {
    const a = addActor(project, leaf('a'), { x: 0, y: 0 })
    const heads = project.heads()
    setActorPositions(project, { [a]: { x: 10, y: 20 }, [root]: { x: -5, y: 7 } })
    expect(project.doc().actors[a]!.position).toEqual({ x: 10, y: 20 })
    expect(project.doc().actors[root]!.position).toEqual({ x: -5, y: 7 })
    expect(project.heads()).not.toEqual(heads)
    expect(refusal(project, () => setActorPositions(project, { nobody: { x: 1, y: 1 } }))).toEqual([
      issueCodes.missingActor,
    ])
    expect(
      refusal(project, () => setActorPositions(project, { [a]: { x: Number.NaN, y: 1 } })),
    ).toEqual([issueCodes.invalidShape])
  })
})
