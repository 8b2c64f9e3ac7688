import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import type { WorkspaceDoc, WorkspaceEntry } from './schema'

/** The document id part of an Automerge URL (`automerge:<id>` → `<id>`). */
function idOf(url: string): string {
  return url.replace(/^automerge:/, '')
}

/** Adds a project to the list (no change when it is listed already). */
export function addToWorkspace(handle: DocHandle<WorkspaceDoc>, projectUrl: AutomergeUrl): void {
  const id = idOf(projectUrl)
  if (handle.doc().projects[id]) return
  handle.change((doc) => {
    doc.projects[id] = { url: projectUrl, addedAt: Date.now() }
    delete doc.deleted[id]
  })
}

/**
 * Takes a project off the list and remembers it as deleted. Its documents stay where they
 * are (automerge-repo cannot delete a document on a peer), so the server keeps them; they
 * are simply no longer listed, and opening the old address says the project was deleted.
 */
export function removeFromWorkspace(
  handle: DocHandle<WorkspaceDoc>,
  projectUrl: AutomergeUrl,
): void {
  const id = idOf(projectUrl)
  handle.change((doc) => {
    delete doc.projects[id]
    doc.deleted[id] = Date.now()
  })
}

/** The listed projects, oldest first (ties by id, so every browser shows one order). */
export function workspaceProjects(doc: WorkspaceDoc): WorkspaceEntry[] {
  return Object.entries(doc.projects)
    .sort(([a, x], [b, y]) => x.addedAt - y.addedAt || a.localeCompare(b))
    .map(([, entry]) => entry)
}

export function isDeletedProject(doc: WorkspaceDoc, projectUrl: string): boolean {
  return Object.hasOwn(doc.deleted, idOf(projectUrl))
}
