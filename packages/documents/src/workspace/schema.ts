export const WORKSPACE_DOC_TYPE = 'troupe/workspace'
export const WORKSPACE_DOC_VERSION = 1

/** One project in the list: its document's URL and when it was added (ms since epoch). */
export interface WorkspaceEntry {
  url: string
  addedAt: number
}

/**
 * The workspace document: the owner's list of projects, one per server, so every browser
 * logged in to that server shows the same list. Names are not kept here: the list reads each
 * project's own `name`, so renaming (in any browser, or by any tool) has one place to write.
 * `deleted` remembers removed projects, so opening one's old address does not list it again.
 */
export interface WorkspaceDoc {
  type: typeof WORKSPACE_DOC_TYPE
  version: number
  /** By project document id. */
  projects: Record<string, WorkspaceEntry>
  /** Document ids of deleted projects, with when they were deleted. */
  deleted: Record<string, number>
}

export function newWorkspaceDoc(): WorkspaceDoc {
  return { type: WORKSPACE_DOC_TYPE, version: WORKSPACE_DOC_VERSION, projects: {}, deleted: {} }
}
