import { type DocHandle, ImmutableString, type Repo } from '@automerge/automerge-repo'
import {
  issueCodes,
  slugProblem,
  type TroupeIssue,
  TroupeValidationError,
  validateProject,
} from '@troupe/core'
import { createInstance } from '../instance/create-instance'
import { toProjectFile } from '../project/definition'
import {
  APP_DOC_TYPE,
  APP_DOC_VERSION,
  type AppDoc,
  type AppScope,
  type AppVersion,
  appScopes,
} from '../schema/app'
import type { ProjectDoc } from '../schema/project'
import { hashAppKey, newAppKey } from './app-key'
import { findVersion } from './versions'

export interface PublishOptions {
  slug: string
  note?: string
  /** Chosen at the first publish (default "visitor"); a later publish must not change it. */
  scope?: AppScope
  /** Publishing time (tests); now by default. */
  now?: Date
}

export interface PublishResult {
  app: DocHandle<AppDoc>
  /** The new version's number, now live. */
  number: number
  /** The app key, only when this publish created the app: show it once, it is not stored. */
  key?: string
}

/**
 * Publishes a project: validates its definition (a broken project is refused with core's
 * issues, naming actor and JSON path, and nothing is written), pins it at the project
 * document's current heads as a new immutable version of the app record (a frozen copy of
 * the definition beside the heads) and makes that version live. The first publish of a slug
 * creates the app record, its app key and, for the shared scope, the one instance document
 * every visitor syncs.
 */
export async function publishProject(
  repo: Repo,
  project: DocHandle<ProjectDoc>,
  existing: DocHandle<AppDoc> | undefined,
  options: PublishOptions,
): Promise<PublishResult> {
  const refuse = (issue: Omit<TroupeIssue, 'path'> & { path?: TroupeIssue['path'] }) => {
    throw new TroupeValidationError([{ path: [], ...issue }])
  }
  const slugIssue = slugProblem(options.slug)
  if (slugIssue) throw new TroupeValidationError([slugIssue])
  if (options.scope !== undefined && !appScopes.includes(options.scope))
    refuse({
      code: issueCodes.invalidScope,
      message: `state scope must be "shared" or "visitor", not "${String(options.scope)}"`,
      path: ['scope'],
    })
  const existingDoc = existing?.doc()
  if (existingDoc) {
    const first = existingDoc.versions[0]
    if (first && first.projectUrl !== project.url)
      refuse({
        code: issueCodes.slugTaken,
        message: `the slug "${options.slug}" is already used by another project's app; choose another slug`,
        path: ['slug'],
      })
    if (options.scope && options.scope !== existingDoc.scope)
      refuse({
        code: issueCodes.invalidScope,
        message: `app "${options.slug}" keeps its state ${existingDoc.scope === 'shared' ? 'shared' : 'per visitor'}; the scope is chosen at the first publish`,
        path: ['scope'],
      })
  }

  // Read heads and document in one synchronous step, so the copy is exactly those heads.
  const heads = project.heads()
  const file = toProjectFile(project.doc())
  const checked = validateProject(file)
  if (!checked.ok) throw new TroupeValidationError(checked.issues)

  const version = (number: number): AppVersion => ({
    number,
    time: (options.now ?? new Date()).toISOString(),
    ...(options.note ? { note: options.note } : {}),
    projectUrl: project.url,
    heads: [...heads],
    definition: new ImmutableString(JSON.stringify(checked.project)),
  })

  if (existing && existingDoc) {
    const number = existingDoc.versions.length + 1
    existing.change((doc) => {
      doc.versions.push(version(number))
      doc.live = number
    })
    return { app: existing, number }
  }

  const scope = options.scope ?? 'visitor'
  const key = newAppKey()
  const instanceUrl =
    scope === 'shared' ? createInstance(repo, project.url, checked.project).url : ''
  const app = repo.create<AppDoc>({
    type: APP_DOC_TYPE,
    version: APP_DOC_VERSION,
    slug: options.slug,
    scope,
    keyHash: await hashAppKey(key),
    live: 1,
    instanceUrl,
    versions: [version(1)],
  })
  return { app, number: 1, key }
}

/**
 * Rolls back: the older version's definition becomes live again as a NEW version entry
 * (noting which one it restores), so the history only ever grows.
 */
export function rollbackApp(
  app: DocHandle<AppDoc>,
  to: number,
  options: { note?: string; now?: Date } = {},
): number {
  const doc = app.doc()
  const target = findVersion(doc, to)
  const number = doc.versions.length + 1
  app.change((d) => {
    d.versions.push({
      number,
      time: (options.now ?? new Date()).toISOString(),
      note: options.note ?? `Rollback to version ${to}`,
      projectUrl: target.projectUrl,
      heads: [...target.heads],
      definition: new ImmutableString(target.definition.val),
      rollbackOf: to,
    })
    d.live = number
  })
  return number
}
