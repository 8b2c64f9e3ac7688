import {
  type AnyDocumentId,
  createInstance,
  type DocHandle,
  type InstanceDoc,
  isValidAutomergeUrl,
  type Repo,
} from '@troupe/documents'
import type { Boot } from './boot'

/**
 * The instance this visitor plays. Shared scope: the app's one instance, synced through the
 * server (the visitor grant lets this connection read and write it, nothing else). Per visitor:
 * this browser's own instance in IndexedDB, found again after a reload through the URL kept in
 * localStorage, created from the version's initial state the first time.
 */
export async function openInstance(repo: Repo, boot: Boot): Promise<DocHandle<InstanceDoc>> {
  if (boot.scope === 'shared') {
    if (!boot.instanceUrl) throw new Error('This shared app names no instance document.')
    return repo.find<InstanceDoc>(boot.instanceUrl as AnyDocumentId)
  }
  const key = storageKey(boot.slug)
  const saved = localStorage.getItem(key)
  if (saved && isValidAutomergeUrl(saved)) {
    const found = await repo.find<InstanceDoc>(saved).catch(() => undefined)
    if (found) return found
  }
  const created = createInstance(repo, `published:${boot.slug}`, boot.definition)
  // Stored before the URL is remembered, so a reload never names a document that is not there.
  await repo.flush([created.documentId])
  localStorage.setItem(key, created.url)
  return created
}

/** A per-visitor instance moved to a new epoch: the next visit opens that one. */
export async function rememberEpoch(repo: Repo, slug: string, epoch: DocHandle<InstanceDoc>) {
  // Stored first, as above: the URL kept must always name a document that is there.
  await repo.flush([epoch.documentId])
  localStorage.setItem(storageKey(slug), epoch.url)
}

function storageKey(slug: string): string {
  return `troupe-app:${slug}:instance`
}
