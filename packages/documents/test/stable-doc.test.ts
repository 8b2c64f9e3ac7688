import { Repo } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createProject,
  documentSnapshot,
  openProject,
  setActorRole,
  stableDoc,
  whenDoc,
} from '../src/index'
import { converged, link } from './support/network'

/**
 * What the studio's panels render from: the same document object while the heads stay the
 * same, even when a sync that brings nothing gives the handle a new root object; a new one as
 * soon as a change (local or remote) arrives.
 */
describe('a stable document for readers', { timeout: 60_000 }, () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const stop of cleanups.splice(0).reverse()) await stop()
  })

  it('keeps the object through a sync that brings nothing, and follows every change', async () => {
    const server = new Repo({ network: [] })
    cleanups.push(() => server.shutdown())
    const { project } = createProject(server, { name: 'Stable' })
    // Opened as the studio opens it: from the server's snapshot, then confirmed by sync.
    const client = new Repo({ network: [] })
    cleanups.push(() => client.shutdown())
    const opened = await openProject(client, project.url, {
      snapshot: (id) => documentSnapshot(server, id).then((saved) => saved?.bytes ?? null),
    })
    const read = stableDoc(opened.project)
    const first = read()
    expect(first).toBe(opened.project.doc())

    cleanups.push(link(server, client))
    // The server answers with what the client already has: a new root, the same heads.
    await new Promise<void>((resolve) => {
      const check = () => {
        if (opened.project.doc() === first) return
        client.networkSubsystem.off('message', check)
        resolve()
      }
      client.networkSubsystem.on('message', check)
    })
    expect(opened.project.doc()).not.toBe(first)
    expect(opened.project.heads()).toEqual(project.heads())
    expect(read()).toBe(first)

    setActorRole(project, 'root', 'renamed there')
    await whenDoc(opened.project, (doc) => doc.actors.root?.role === 'renamed there')
    const second = read()
    expect(second).not.toBe(first)
    expect(second.actors.root?.role).toBe('renamed there')

    setActorRole(opened.project, 'root', 'renamed here')
    expect(read().actors.root?.role).toBe('renamed here')
    await converged([opened.project, project])
  })
})
