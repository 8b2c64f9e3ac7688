import { Repo } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { addActor, createProject, type ProjectDoc, setActorView } from '../src/index'
import { card, withLeaf } from './support/card-view'
import { converged, link } from './support/network'

describe('two people edit one view at the same time', () => {
  const repos: Repo[] = []
  afterEach(async () => {
    await Promise.all(repos.splice(0).map((r) => r.shutdown()))
  })

  it('keeps both edits after a partition heals', async () => {
    const alice = new Repo({ network: [] })
    const bob = new Repo({ network: [] })
    repos.push(alice, bob)
    let cut = link(alice, bob)

    const { project } = createProject(alice, { name: 'Shared' })
    const cardId = addActor(
      project,
      { role: 'card', context: {}, view: card, subscriptions: [], children: [], dependencies: {} },
      { x: 0, y: 0 },
    )
    const bobsProject = await bob.find<ProjectDoc>(project.url)
    await converged([project, bobsProject])

    cut()
    // Alice retitles the card; Bob restyles its button and rewrites the body. Offline.
    setActorView(project, cardId, withLeaf(card, 0, { elements: ['Alice title'] }))
    setActorView(
      bobsProject,
      cardId,
      withLeaf(withLeaf(card, 2, { classes: 'btn btn-primary' }), 1, { elements: ['Bob body'] }),
    )
    expect(project.heads()).not.toEqual(bobsProject.heads())

    cut = link(alice, bob)
    await converged([project, bobsProject])
    cut()

    const expected = withLeaf(
      withLeaf(withLeaf(card, 0, { elements: ['Alice title'] }), 2, { classes: 'btn btn-primary' }),
      1,
      { elements: ['Bob body'] },
    )
    expect(JSON.parse(JSON.stringify(project.doc().actors[cardId]!.view))).toEqual(expected)
    expect(JSON.parse(JSON.stringify(bobsProject.doc().actors[cardId]!.view))).toEqual(expected)
  })
})
