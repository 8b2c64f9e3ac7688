import type { AppDoc } from '@troupe/documents'
import type { SyncGate } from '@troupe/documents/node'

/**
 * What a published app's visitors may touch (issue 6 fills this in when it publishes):
 * read the pinned definition documents, read and write the shared state documents.
 */
export interface VisitorGrant {
  /** Document ids or automerge: URLs. */
  read: string[]
  readWrite: string[]
}

/** Looks up the grant for a published app by its slug; undefined when there is no such app. */
export type VisitorGrants = (app: string) => VisitorGrant | undefined

export type Role = 'owner' | 'visitor'

/**
 * The access rules, in one place. The owner may read and write every document. A visitor
 * may read only the documents its app's grant lists and write only its read/write ones;
 * everything else is refused (the sync layer answers "unavailable", as for a missing one).
 */
export function gateFor(role: 'owner'): SyncGate
export function gateFor(role: 'visitor', app: string, grant: VisitorGrant): SyncGate
export function gateFor(role: Role, app?: string, grant?: VisitorGrant): SyncGate {
  if (role === 'owner') return { principal: 'owner', canRead: () => true, canWrite: () => true }
  const id = (ref: string) => ref.replace(/^automerge:/, '').split('#')[0] as string
  const writable = new Set((grant?.readWrite ?? []).map(id))
  const readable = new Set([...(grant?.read ?? []).map(id), ...writable])
  return {
    principal: `visitor:${app}`,
    canRead: (documentId) => readable.has(documentId),
    canWrite: (documentId) => writable.has(documentId),
  }
}

/**
 * The grant a published app gives its visitors, from its app record: read and write its one
 * shared instance document (shared scope). The definition reaches the player inside the page
 * (a frozen copy, never a document), so no definition document is readable, let alone
 * writable. A per-visitor app keeps its state in each browser and grants nothing (its
 * visitors never open /sync). This is the one place to extend when an instance spans more
 * documents (a stable head plus rotating epoch documents): list them here.
 */
export function visitorGrantFor(
  app: Pick<AppDoc, 'scope' | 'instanceUrl'>,
): VisitorGrant | undefined {
  if (app.scope !== 'shared' || !app.instanceUrl) return undefined
  return { read: [], readWrite: [app.instanceUrl] }
}
