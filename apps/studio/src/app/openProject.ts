import {
  type AnyDocumentId,
  createProject,
  type DocHandle,
  type InstanceDoc,
  openProject as openProjectDocuments,
  type ProjectDoc,
  type Repo,
} from '@troupe/documents'

const lastProjectKey = 'troupe:last-project'
const projectPath = /^\/p\/([A-Za-z0-9]+)\/?$/

export interface OpenProject {
  project: DocHandle<ProjectDoc>
  instance: DocHandle<InstanceDoc>
}

/** The project a URL names (`/p/<document id>`), or null for the start page. */
export function projectIdFromPath(pathname: string): string | null {
  return projectPath.exec(pathname)?.[1] ?? null
}

/**
 * Opens the project the address names; at `/`, the last project this browser had open, or a
 * new one. The address then names the project, so it can be opened in another browser.
 */
export async function openProject(repo: Repo): Promise<OpenProject> {
  const named = projectIdFromPath(window.location.pathname)
  const id = named ?? window.localStorage.getItem(lastProjectKey)
  let opened: OpenProject
  if (id) {
    try {
      opened = await findProject(repo, id)
    } catch (error) {
      if (named) throw error
      opened = createProject(repo)
    }
  } else {
    opened = createProject(repo)
  }
  const documentId = opened.project.documentId
  window.localStorage.setItem(lastProjectKey, documentId)
  if (window.location.pathname !== `/p/${documentId}`) {
    window.history.replaceState(null, '', `/p/${documentId}${window.location.search}`)
  }
  return opened
}

async function findProject(repo: Repo, id: string): Promise<OpenProject> {
  try {
    return await openProjectDocuments(repo, `automerge:${id}` as AnyDocumentId)
  } catch {
    throw new Error(
      `TRP-150 Project ${id} was not found here or on the server. Check the address, and that the Troupe server it was made on is running.`,
    )
  }
}
