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
 * A visitor's grant is read at each check, not once at connection time: the grant grows while
 * the visitor is connected when the server rotates the app's instance into a new epoch.
 */
export function gateFor(role: 'owner'): SyncGate
export function gateFor(
  role: 'visitor',
  app: string,
  grant: VisitorGrant | (() => VisitorGrant | undefined),
): SyncGate
export function gateFor(
  role: Role,
  app?: string,
  grant?: VisitorGrant | (() => VisitorGrant | undefined),
): SyncGate {
  if (role === 'owner') return { principal: 'owner', canRead: () => true, canWrite: () => true }
  const current = typeof grant === 'function' ? grant : () => grant
  let seen: VisitorGrant | undefined
  let sets = documentSets(undefined)
  const lookup = () => {
    const now = current()
    if (now !== seen) {
      seen = now
      sets = documentSets(now)
    }
    return sets
  }
  return {
    principal: `visitor:${app}`,
    canRead: (documentId) => lookup().readable.has(documentId),
    canWrite: (documentId) => lookup().writable.has(documentId),
  }
}

function documentSets(grant: VisitorGrant | undefined) {
  const id = (ref: string) => ref.replace(/^automerge:/, '').split('#')[0] as string
  const writable = new Set((grant?.readWrite ?? []).map(id))
  const readable = new Set([...(grant?.read ?? []).map(id), ...writable])
  return { readable, writable }
}

/**
 * The grant a published app gives its visitors, from its app record: read and write its
 * shared instance (shared scope), which is every epoch document the server started for it
 * (documents instance/epochs.ts): the current one, and the earlier ones, because a visitor
 * that was offline through a rotation still sends what it wrote there, and the server
 * forwards it. The definition reaches the player inside the page (a frozen copy, never a
 * document), so no definition document is readable, let alone writable. A per-visitor app
 * keeps its state in each browser and grants nothing (its visitors never open /sync).
 */
export function visitorGrantFor(
  app: Pick<AppDoc, 'scope' | 'instanceUrl' | 'instanceEpochs'>,
): VisitorGrant | undefined {
  if (app.scope !== 'shared' || !app.instanceUrl) return undefined
  return { read: [], readWrite: [...(app.instanceEpochs ?? []), app.instanceUrl] }
}
