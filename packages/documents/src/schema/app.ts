import type { ImmutableString } from '@automerge/automerge-repo'

export const APP_DOC_TYPE = 'troupe/app'
export const APP_DOC_VERSION = 1

/**
 * Where a published app keeps its running state. `shared`: one instance document on the
 * server that every visitor syncs (`/sync?app=<slug>`). `visitor`: each visitor's own
 * instance in their browser (IndexedDB), kept across reloads, never sent anywhere.
 */
export type AppScope = 'shared' | 'visitor'
export const appScopes: readonly AppScope[] = ['shared', 'visitor']

/** One published version. Entries are only ever appended, never edited. */
export interface AppVersion {
  /** 1, 2, 3… in publishing order; reachable at `/apps/<slug>/v/<number>`. */
  number: number
  /** ISO time of publishing. */
  time: string
  note?: string
  /** The project document it was published from, and that document's heads at the time. */
  projectUrl: string
  heads: string[]
  /** A frozen copy of the definition at those heads: the JSON of a project file. */
  definition: ImmutableString
  /** Set when this entry was made by rolling back to an older version. */
  rollbackOf?: number
}

/**
 * The app record document, one per published app: its slug, state scope, every version, which
 * one is live, and the hash of the app key that integrations use (the key itself is shown once).
 */
export interface AppDoc {
  type: typeof APP_DOC_TYPE
  version: number
  slug: string
  scope: AppScope
  /** SHA-256 (hex) of the app key. */
  keyHash: string
  /** The number of the live version. */
  live: number
  /**
   * The shared instance's current epoch (shared scope); empty for per-visitor state. The
   * server moves it on when it rotates the instance (instance/epochs.ts).
   */
  instanceUrl: string
  /** Every epoch of the shared instance before the current one, oldest first. */
  instanceEpochs?: string[]
  versions: AppVersion[]
}
