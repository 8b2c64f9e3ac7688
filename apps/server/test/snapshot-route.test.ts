import { createProject, type ProjectDoc, seedFromSnapshot } from '@troupe/documents'
import { createNodeRepo, whenSynced } from '@troupe/documents/node'
import { describe, expect, it } from 'vitest'
import { NETWORK_TIMEOUT_MS, serverForBlock } from './helpers'

/**
 * GET /api/documents/<id>: the saved bytes of a document the server holds, for the studio to
 * open a project with one load instead of a whole-document sync. Owner only, like all /api/.
 */
describe('HTTP: document snapshots', { timeout: NETWORK_TIMEOUT_MS }, () => {
  const suite = serverForBlock('snapshot')
  const get = (id: string, token?: string) =>
    fetch(`${suite.server.url}/api/documents/${id}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })

  it('gives the owner the document as Automerge saved it', async () => {
    const repo = suite.client()
    const { project, instance } = createProject(repo, { name: 'Shared' })
    await whenSynced(repo, project)
    await whenSynced(repo, instance)
    const response = await get(project.documentId, suite.server.ownerToken)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/octet-stream')
    // It names the project's instance, for the studio to ask for next; the instance names none.
    expect(response.headers.get('troupe-instance')).toBe(instance.documentId)
    const instanceAnswer = await get(instance.documentId, suite.server.ownerToken)
    expect(instanceAnswer.status).toBe(200)
    expect(instanceAnswer.headers.get('troupe-instance')).toBeNull()
    const bytes = new Uint8Array(await response.arrayBuffer())
    // A repo with no network gets the document from these bytes alone.
    const offline = createNodeRepo()
    try {
      expect(await seedFromSnapshot(offline, project.url, async () => bytes)).toBe(true)
      const opened = await offline.find<ProjectDoc>(project.url)
      expect(opened.doc()).toEqual(project.doc())
    } finally {
      await offline.shutdown()
    }
  })

  it('refuses without the login, and answers 404 for a document it does not have', async () => {
    const repo = suite.client()
    const { project } = createProject(repo, { name: 'Private' })
    await whenSynced(repo, project)
    expect((await get(project.documentId)).status).toBe(401)
    expect((await get('4NMNnkMhL8jXrdJ9jamS2hnd', suite.server.ownerToken)).status).toBe(404)
    expect((await get('not-an-id!', suite.server.ownerToken)).status).toBe(404)
  })
})
