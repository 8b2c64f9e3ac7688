import { load } from '@automerge/automerge'
import { Repo } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import {
  addActor,
  createProject,
  documentSnapshot,
  openProject,
  type ProjectDoc,
  seedFromSnapshot,
  setActorRole,
} from '../src/index'
import { createNodeRepo } from '../src/node'
import { converged, link } from './support/network'
import { tempDir } from './support/temp'

/**
 * Opening a project from the server's saved copy (one Automerge load) instead of syncing the
 * whole document: the opened documents are the same, they keep syncing both ways afterwards,
 * and a copy already in the browser's storage is never replaced.
 */
describe('opening a project from a snapshot', { timeout: 60_000 }, () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const stop of cleanups.splice(0).reverse()) await stop()
  })
  const serverWithProject = () => {
    const server = new Repo({ network: [] })
    cleanups.push(() => server.shutdown())
    const { project } = createProject(server, { name: 'Snapshot' })
    addActor(
      project,
      {
        role: 'note',
        context: {},
        view: { tag: 'p', elements: ['hello'] },
        subscriptions: [],
        children: [],
        dependencies: {},
      },
      { x: 1, y: 2 },
      { id: 'note' },
    )
    return { server, project }
  }

  it('loads the project and its instance from the snapshots, then syncs edits both ways', async () => {
    const { server, project } = serverWithProject()
    const client = new Repo({ network: [] })
    cleanups.push(() => client.shutdown())
    cleanups.push(link(server, client))
    const asked: string[] = []
    const opened = await openProject(client, project.url, {
      snapshot: (id) => {
        asked.push(id)
        return documentSnapshot(server, id).then((saved) => saved?.bytes ?? null)
      },
    })
    const serverInstance = project.doc().instanceUrl
    expect(asked).toEqual([project.documentId, serverInstance?.replace('automerge:', '')])
    expect(opened.project.doc()).toEqual(project.doc())
    expect(opened.instance.url).toBe(serverInstance)

    setActorRole(opened.project, 'note', 'edited here')
    setActorRole(project, 'root', 'edited there')
    await converged([opened.project, project])
    expect(project.doc().actors.note?.role).toBe('edited here')
    expect(opened.project.doc().actors.root?.role).toBe('edited there')
  })

  it('leaves a copy in storage alone (it may hold changes the server has not seen)', async () => {
    const dir = tempDir('snapshot')
    cleanups.push(dir.remove)
    // This browser holds the project, with an edit made offline that the server's (older)
    // snapshot does not have.
    const first = createNodeRepo({ dataDir: dir.path })
    const { project } = createProject(first, { name: 'Local' })
    const serverCopy = (await documentSnapshot(first, project.documentId))?.bytes ?? null
    setActorRole(project, 'root', 'offline edit')
    await first.flush([project.documentId])
    await first.shutdown()

    const again = createNodeRepo({ dataDir: dir.path })
    cleanups.push(() => again.shutdown())
    let asked = 0
    const seeded = await seedFromSnapshot(again, project.url, async () => {
      asked++
      return serverCopy
    })
    expect(seeded).toBe(false)
    const reopened = await again.find<ProjectDoc>(project.url)
    expect(reopened.doc().actors.root?.role).toBe('offline edit')
    expect(asked).toBe(1)
  })

  it('serves each version of a document saved once, and a change at once', async () => {
    const { server, project } = serverWithProject()
    const saved = () => documentSnapshot(server, project.documentId).then((s) => s!.bytes)
    const first = await saved()
    // The same version: the same save, not another one.
    expect(await saved()).toBe(first)
    setActorRole(project, 'note', 'renamed')
    const second = await saved()
    expect(second).not.toBe(first)
    expect(load<ProjectDoc>(second).actors.note?.role).toBe('renamed')
    expect(load<ProjectDoc>(first).actors.note?.role).toBe('note')
  })

  it("names a project's instance beside its save, and nothing for other documents", async () => {
    const { server, project } = serverWithProject()
    const instanceId = project.doc().instanceUrl.replace('automerge:', '')
    expect((await documentSnapshot(server, project.documentId))?.instanceId).toBe(instanceId)
    expect((await documentSnapshot(server, instanceId))?.instanceId).toBeNull()
    // A pointer that is not a document URL is not passed on (it goes into a header).
    project.change((doc) => {
      doc.instanceUrl = 'automerge:abc\r\nset-cookie: x'
    })
    expect((await documentSnapshot(server, project.documentId))?.instanceId).toBeNull()
  })

  it('ignores a snapshot that is missing or not a document', async () => {
    const { project } = serverWithProject()
    const client = new Repo({ network: [] })
    cleanups.push(() => client.shutdown())
    expect(await seedFromSnapshot(client, project.url, async () => null)).toBe(false)
    expect(await seedFromSnapshot(client, project.url, async () => new Uint8Array([1, 2, 3]))).toBe(
      false,
    )
    expect(client.handles[project.documentId]).toBeUndefined()
  })
})
