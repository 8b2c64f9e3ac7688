import {
  type DocHandle,
  isValidAutomergeUrl,
  type Repo,
  seedFromSnapshot,
  type WorkspaceDoc,
} from '@troupe/documents'
import { serverSnapshot } from '../app/serverSnapshot'

const workspaceKey = 'troupe:workspace'

/**
 * The owner's projects list: the server names its document (GET /api/workspace); the URL is
 * remembered in this browser so the list also opens offline, from the local copy.
 */
export async function loadWorkspace(repo: Repo): Promise<DocHandle<WorkspaceDoc>> {
  let url: string | null = null
  try {
    const response = await fetch('/api/workspace', { credentials: 'same-origin' })
    if (response.ok) {
      url = ((await response.json()) as { url: string }).url
      window.localStorage.setItem(workspaceKey, url)
    }
  } catch {
    // Offline: fall back to the URL this browser remembers.
  }
  url ??= window.localStorage.getItem(workspaceKey)
  if (!url || !isValidAutomergeUrl(url)) {
    throw new Error(
      'TRP-151 The projects list could not be loaded: the Troupe server did not answer and this browser has not opened it before. Check that the server is running (npm start) and reload.',
    )
  }
  try {
    // A browser that has never held the list loads the server's saved copy, instead of
    // waiting for the sync connection to bring it: opening a project waits for the list (a
    // deleted project is refused), and on a fresh browser that sync was what it waited for.
    await seedFromSnapshot(repo, url, serverSnapshot)
    return await repo.find<WorkspaceDoc>(url)
  } catch {
    throw new Error(
      'TRP-151 The projects list could not be loaded from the server or this browser. Check that the Troupe server is running (npm start) and reload.',
    )
  }
}
