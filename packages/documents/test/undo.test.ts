import { Repo } from '@automerge/automerge-repo'
import type { ActorDefinition } from '@troupe/core'
import { afterEach, describe, expect, it } from 'vitest'
import {
  addActor,
  createProject,
  type DocHandle,
  linkChild,
  type ProjectDoc,
  removeActors,
  setActorPosition,
  setActorRole,
  setActorView,
  trackUndo,
  unlinkChild,
} from '../src/index'
import { card, withLeaf } from './support/card-view'
import { converged, link } from './support/network'

const actor = (role: string, view: ActorDefinition['view'] = card): ActorDefinition => ({
  role,
  context: {},
  view,
  subscriptions: [],
  children: [],
  dependencies: {},
})

const json = (value: unknown) => JSON.parse(JSON.stringify(value))

describe('undo and redo of my own changes', () => {
  const repos: Repo[] = []
  afterEach(async () => {
    await Promise.all(repos.splice(0).map((r) => r.shutdown()))
  })

  /** Alice and Bob on one project over a real (in-memory) network link, in sync. */
  async function twoPeople() {
    const alice = new Repo({ network: [] })
    const bob = new Repo({ network: [] })
    repos.push(alice, bob)
    link(alice, bob)
    const { project } = createProject(alice, { name: 'Shared' })
    const cardId = addActor(project, actor('card'), { x: 0, y: 0 })
    const otherId = addActor(project, actor('other'), { x: 300, y: 0 })
    const bobs = await bob.find<ProjectDoc>(project.url)
    await converged([project, bobs])
    return { alices: project, bobs, cardId, otherId }
  }

  const sync = (a: DocHandle<ProjectDoc>, b: DocHandle<ProjectDoc>) => converged([a, b])

  it('reverts only my change: a collaborator edit to another actor survives, on both peers', async () => {
    const { alices, bobs, cardId, otherId } = await twoPeople()
    const history = trackUndo(alices)
    setActorRole(alices, cardId, 'headline')
    await Promise.resolve()
    await sync(alices, bobs)
    setActorRole(bobs, otherId, 'sidebar')
    await sync(alices, bobs)
    expect(history.canUndo).toBe(true)

    expect(history.undo()).toEqual({ changed: true, kept: 0 })
    await sync(alices, bobs)
    for (const doc of [alices.doc(), bobs.doc()]) {
      expect(doc.actors[cardId]!.role).toBe('card')
      expect(doc.actors[otherId]!.role).toBe('sidebar')
    }
    // Bob's change was never mine: there is nothing more to undo.
    expect(history.canUndo).toBe(false)
    history.dispose()
  })

  it("a collaborator's edit to another part of the same view survives my undo; redo reapplies mine", async () => {
    const { alices, bobs, cardId } = await twoPeople()
    const history = trackUndo(alices)
    setActorView(alices, cardId, withLeaf(card, 0, { elements: ['Alice title'] }))
    await Promise.resolve()
    await sync(alices, bobs)
    setActorView(
      bobs,
      cardId,
      withLeaf(withLeaf(card, 0, { elements: ['Alice title'] }), 2, { classes: 'btn btn-primary' }),
    )
    await sync(alices, bobs)

    history.undo()
    await sync(alices, bobs)
    const bobsOnly = withLeaf(card, 2, { classes: 'btn btn-primary' })
    expect(json(alices.doc().actors[cardId]!.view)).toEqual(bobsOnly)
    expect(json(bobs.doc().actors[cardId]!.view)).toEqual(bobsOnly)
    expect(history.canRedo).toBe(true)

    history.redo()
    await sync(alices, bobs)
    const both = withLeaf(bobsOnly, 0, { elements: ['Alice title'] })
    expect(json(bobs.doc().actors[cardId]!.view)).toEqual(both)
    expect(history.canRedo).toBe(false)
    expect(history.canUndo).toBe(true)
    history.dispose()
  })

  it('undo made while a collaborator edits concurrently (offline) merges with their edit', async () => {
    const alice = new Repo({ network: [] })
    const bob = new Repo({ network: [] })
    repos.push(alice, bob)
    let cut = link(alice, bob)
    const { project: alices } = createProject(alice)
    const cardId = addActor(alices, actor('card'), { x: 0, y: 0 })
    const bobs = await bob.find<ProjectDoc>(alices.url)
    await converged([alices, bobs])
    const history = trackUndo(alices)
    setActorView(alices, cardId, withLeaf(card, 1, { elements: ['Mine'] }))
    await Promise.resolve()
    await converged([alices, bobs])

    cut()
    history.undo()
    setActorView(
      bobs,
      cardId,
      withLeaf(withLeaf(card, 1, { elements: ['Mine'] }), 0, { tag: 'h3' }),
    )
    cut = link(alice, bob)
    await converged([alices, bobs])
    cut()
    const expected = withLeaf(card, 0, { tag: 'h3' })
    expect(json(alices.doc().actors[cardId]!.view)).toEqual(expected)
    expect(json(bobs.doc().actors[cardId]!.view)).toEqual(expected)
  })

  it('a value the collaborator changed after me keeps their value', async () => {
    const { alices, bobs, cardId } = await twoPeople()
    const history = trackUndo(alices)
    setActorRole(alices, cardId, 'mine')
    await Promise.resolve()
    await sync(alices, bobs)
    setActorRole(bobs, cardId, 'theirs')
    await sync(alices, bobs)
    expect(history.undo()).toEqual({ changed: false, kept: 1 })
    expect(alices.doc().actors[cardId]!.role).toBe('theirs')
  })

  it('a new edit clears redo', async () => {
    const { alices, cardId } = await twoPeople()
    const history = trackUndo(alices)
    setActorRole(alices, cardId, 'one')
    await Promise.resolve()
    history.undo()
    expect(history.canRedo).toBe(true)
    setActorRole(alices, cardId, 'two')
    await Promise.resolve()
    expect(history.canRedo).toBe(false)
    expect(history.redo()).toBeNull()
    expect(alices.doc().actors[cardId]!.role).toBe('two')
  })

  it('one synchronous run of edits is one step; undo restores a deleted actor and every reference', async () => {
    const { alices, bobs, cardId, otherId } = await twoPeople()
    const root = alices.doc().root
    linkChild(alices, root, cardId)
    linkChild(alices, root, otherId)
    const history = trackUndo(alices)
    const before = json(alices.doc())

    // Two changes in one action: unlink, then delete.
    unlinkChild(alices, root, otherId)
    removeActors(alices, [cardId])
    await Promise.resolve()
    await sync(alices, bobs)
    // Bob moves the other actor meanwhile; that stays.
    setActorPosition(bobs, otherId, { x: 999, y: 5 })
    await sync(alices, bobs)

    history.undo()
    expect(history.canUndo).toBe(false)
    await sync(alices, bobs)
    const after = json(bobs.doc())
    expect(after.actors[cardId]).toEqual(before.actors[cardId])
    expect(after.actors[root].children).toEqual([cardId, otherId])
    expect(after.actors[otherId].position).toEqual({ x: 999, y: 5 })

    // Edit, delete, undo, undo: the restored actor's older edit is undone too.
    setActorRole(alices, cardId, 'renamed')
    await Promise.resolve()
    removeActors(alices, [cardId])
    await Promise.resolve()
    history.undo()
    history.undo()
    expect(alices.doc().actors[cardId]!.role).toBe('card')
  })

  it('an undo that would break the project now is refused and the step stays', async () => {
    const { alices, bobs, cardId, otherId } = await twoPeople()
    const root = alices.doc().root
    linkChild(alices, root, cardId)
    await sync(alices, bobs)
    const history = trackUndo(alices)
    unlinkChild(alices, root, cardId)
    await Promise.resolve()
    await sync(alices, bobs)
    // Bob gives the card another parent; relinking it under root would be a second parent.
    linkChild(bobs, otherId, cardId)
    await sync(alices, bobs)
    expect(() => history.undo()).toThrow(/TRP-111|parent/)
    expect(history.canUndo).toBe(true)
    expect(alices.doc().actors[root]!.children).not.toContain(cardId)
  })
})
