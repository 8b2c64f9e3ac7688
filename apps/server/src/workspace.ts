import { renameSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  type AutomergeUrl,
  isValidAutomergeUrl,
  newWorkspaceDoc,
  type Repo,
  type WorkspaceDoc,
} from '@troupe/documents'

export const WORKSPACE_FILE = 'workspace-url'

/**
 * The owner's workspace document (the projects list) of this data folder: created on first
 * request, written to disk before its URL is handed out, and its URL kept in
 * `<data>/workspace-url`, so every browser logged in to this server gets the same list,
 * also after restarts. Concurrent first requests share one creation.
 */
export function workspaceLocator(repo: Repo, dataDir: string): () => Promise<AutomergeUrl> {
  let located: Promise<AutomergeUrl> | undefined
  const file = join(dataDir, WORKSPACE_FILE)
  const locate = async (): Promise<AutomergeUrl> => {
    const stored = await readFile(file, 'utf8').then(
      (text) => text.trim(),
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return ''
        throw error
      },
    )
    if (isValidAutomergeUrl(stored)) return stored
    const handle = repo.create<WorkspaceDoc>(newWorkspaceDoc())
    await repo.flush([handle.documentId])
    // Whole or absent: a crash mid-write must not leave a half URL behind.
    writeFileSync(`${file}.tmp`, `${handle.url}\n`)
    renameSync(`${file}.tmp`, file)
    return handle.url
  }
  return () => {
    located ??= locate().catch((error: unknown) => {
      located = undefined
      throw error
    })
    return located
  }
}
