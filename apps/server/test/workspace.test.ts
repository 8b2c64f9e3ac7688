import type { AutomergeUrl, WorkspaceDoc } from '@troupe/documents'
import { addToWorkspace, createProject, whenDoc, workspaceProjects } from '@troupe/documents'
import { whenSynced } from '@troupe/documents/node'
import { describe, expect, it } from 'vitest'
import { startServer } from '../src/server'
import { clientsPerTest, overTheNetwork, tempDir } from './helpers'

/**
 * GET /api/workspace hands the owner the URL of one projects-list document per data folder,
 * so every browser logged in to the server shows the same list.
 */
describe('the workspace API', overTheNetwork, () => {
  const client = clientsPerTest()

  const workspaceUrl = async (url: string, token?: string) => {
    const response = await fetch(`${url}/api/workspace`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
    return {
      status: response.status,
      body: (await response.json()) as { url?: string; code?: string },
    }
  }

  it('needs the owner login (TRP-600)', async () => {
    const data = tempDir('workspace')
    const server = await startServer({ port: 0, dataDir: data.path })
    try {
      expect(await workspaceUrl(server.url)).toEqual({
        status: 401,
        body: expect.objectContaining({ code: 'TRP-600' }),
      })
    } finally {
      await server.close()
      data.remove()
    }
  })

  it('is one document per data folder, the same across requests, clients and restarts', async () => {
    const data = tempDir('workspace')
    try {
      const first = await startServer({ port: 0, dataDir: data.path })
      const answers = await Promise.all(
        [1, 2, 3].map(() => workspaceUrl(first.url, first.ownerToken)),
      )
      const url = answers[0]!.body.url as AutomergeUrl
      expect(answers.map((a) => [a.status, a.body.url])).toEqual([
        [200, url],
        [200, url],
        [200, url],
      ])

      // One client lists a project; another client of the same server sees it.
      const writer = client(first.ownerSyncUrl)
      const list = await writer.find<WorkspaceDoc>(url)
      const { project } = createProject(writer, { name: 'Shared' })
      addToWorkspace(list, project.url)
      await whenSynced(writer, list)
      const reader = client(first.ownerSyncUrl)
      const seen = await reader.find<WorkspaceDoc>(url)
      await whenDoc(seen, (doc) => workspaceProjects(doc).some((e) => e.url === project.url))
      expect(workspaceProjects(seen.doc()).map((e) => e.url)).toEqual([project.url])
      await first.close()

      const second = await startServer({ port: 0, dataDir: data.path })
      try {
        expect((await workspaceUrl(second.url, second.ownerToken)).body.url).toBe(url)
        const later = await client(second.ownerSyncUrl).find<WorkspaceDoc>(url)
        expect(workspaceProjects(later.doc()).map((e) => e.url)).toEqual([project.url])
      } finally {
        await second.close()
      }
    } finally {
      data.remove()
    }
  })
})
