import {
  type AnyDocumentId,
  addToWorkspace,
  createProject,
  type DocHandle,
  type InstanceDoc,
  isDeletedProject,
  openProject as openProjectDocuments,
  type ProjectDoc,
  type Repo,
  type WorkspaceDoc,
} from '@troupe/documents'
import { serverSnapshot } from './serverSnapshot'

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
 * new one (`/?new` always starts a new one; the Projects dialog opens the others). The
 * project is put on the list, and the address then names it, so it can be opened in another
 * browser. A deleted project's address is refused (TRP-152).
 */
export async function openProject(
  repo: Repo,
  workspaceLoading: Promise<DocHandle<WorkspaceDoc> | null>,
): Promise<OpenProject> {
  const named = projectIdFromPath(window.location.pathname)
  const remembered = window.localStorage.getItem(lastProjectKey)
  const fresh = new URLSearchParams(window.location.search).has('new')
  const candidate = fresh ? null : (named ?? remembered)
  // Opening an existing project waits for the list (a deleted one is refused), while the
  // project itself is fetched at the same time, not one round trip after it; a new one
  // opens at once.
  const finding = candidate ? settle(findProject(repo, candidate)) : null
  const workspace = candidate ? await workspaceLoading : null
  const deleted = (id: string) => workspace !== null && isDeletedProject(workspace.doc(), id)
  if (named && deleted(named)) {
    throw new Error(
      `TRP-152 Project ${named} was deleted from your projects list. Open another project from the list, or import its project file if you exported it.`,
    )
  }
  let opened: OpenProject
  const found = finding && candidate && !deleted(candidate) ? await finding : null
  if (found?.ok) opened = found.value
  else if (found && named) throw found.error
  else opened = createProject(repo)
  void workspaceLoading.then((list) => list && addToWorkspace(list, opened.project.url))
  showInAddress(opened.project.documentId, 'replace')
  return opened
}

/** Names the project in the address bar (and remembers it as this browser's last one). */
export function showInAddress(documentId: string, how: 'push' | 'replace'): void {
  window.localStorage.setItem(lastProjectKey, documentId)
  const path = `/p/${documentId}`
  const search = new URLSearchParams(window.location.search)
  search.delete('new')
  const query = search.size ? `?${search}` : ''
  if (window.location.pathname === path && !window.location.search.includes('new')) return
  if (how === 'push') window.history.pushState(null, '', `${path}${query}`)
  else window.history.replaceState(null, '', `${path}${query}`)
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

/** The promise's outcome as a value, so one nobody ends up awaiting never goes unhandled. */
function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  )
}

async function findProject(repo: Repo, id: string): Promise<OpenProject> {
  try {
    return await openProjectDocuments(repo, `automerge:${id}` as AnyDocumentId, {
      snapshot: serverSnapshot,
    })
  } catch {
    throw new Error(
      `TRP-150 Project ${id} was not found here or on the server. Check the address, and that the Troupe server it was made on is running.`,
    )
  }
}
