import { createHash, timingSafeEqual } from 'node:crypto'
import {
  issueCodes,
  type ProjectFile,
  type Published,
  TroupeValidationError,
  type VersionDiff,
} from '@troupe/core'
import {
  type AnyDocumentId,
  type AppDoc,
  type AppScope,
  type AppVersionInfo,
  type DocHandle,
  diffVersions,
  findVersion,
  isValidAutomergeUrl,
  type LiveInstance,
  listVersions,
  type ProjectDoc,
  type Repo,
  rollbackApp,
  versionDefinition,
} from '@troupe/documents'
import { AppIndex, publishIndexed } from '@troupe/documents/node'
import { compileAppCssInNode } from '@troupe/styles/node'
import { type VisitorGrant, visitorGrantFor } from '../access/policy'
import { SharedInstances } from './shared-instances'

export interface PublishRequest {
  project: string
  slug: string
  note?: string
  scope?: AppScope
}

export interface AppSummary {
  slug: string
  scope: AppScope
  live: number
  projectUrl: string
  versions: AppVersionInfo[]
}

/** One version of an app as the player needs it. */
export interface PlayableVersion {
  slug: string
  number: number
  scope: AppScope
  definition: ProjectFile
  instanceUrl: string
  css: string
}

const refused = (code: string, message: string, path: (string | number)[] = []) =>
  new TroupeValidationError([{ code: code as never, message, path }])

/**
 * The server's published apps: the slug index on disk, each app's record document in the
 * repo, and what is derived from them and kept in memory (visitor grants, which the sync door
 * looks up synchronously; each version's compiled CSS).
 */
export class PublishedApps {
  readonly #repo: Repo
  readonly #index: AppIndex
  readonly #grants = new Map<string, VisitorGrant>()
  readonly #css = new Map<string, Promise<string>>()
  readonly #instances: SharedInstances

  private constructor(repo: Repo, index: AppIndex) {
    this.#repo = repo
    this.#index = index
    // A rotation moves the app's instance on: visitors may write the new epoch at once.
    this.#instances = new SharedInstances(repo, (slug, app) => this.#remember(slug, app))
  }

  /** Loads every app the data folder's index names, so their visitors can connect at once. */
  static async open(repo: Repo, dataDir: string): Promise<PublishedApps> {
    const apps = new PublishedApps(repo, new AppIndex(dataDir))
    for (const slug of apps.#index.slugs()) {
      const app = await apps.#find(slug)
      if (!app) continue
      apps.#remember(slug, app.doc())
      await apps.#hold(slug, app)
    }
    return apps
  }

  /** Stops watching the shared instances (the server is closing). */
  close(): Promise<void> {
    return this.#instances.close()
  }

  grant = (slug: string): VisitorGrant | undefined => this.#grants.get(slug)

  slugs(): string[] {
    return this.#index.slugs()
  }

  async publish(request: PublishRequest): Promise<Published> {
    if (!isValidAutomergeUrl(request.project))
      throw refused(
        issueCodes.projectNotFound,
        `"${request.project}" is not a project URL (automerge:…)`,
        ['project'],
      )
    const project = await this.#repo
      .find<ProjectDoc>(request.project as AnyDocumentId)
      .catch(() => undefined)
    if (!project?.doc()?.actors)
      throw refused(
        issueCodes.projectNotFound,
        `no project document ${request.project} on this server`,
        ['project'],
      )
    const result = await publishIndexed(this.#repo, this.#index, project, {
      slug: request.slug,
      ...(request.note ? { note: request.note } : {}),
      ...(request.scope ? { scope: request.scope } : {}),
    })
    this.#remember(request.slug, result.app.doc())
    await this.#hold(request.slug, result.app)
    return {
      slug: request.slug,
      number: result.number,
      path: `/apps/${request.slug}`,
      versionPath: `/apps/${request.slug}/v/${result.number}`,
      ...(result.key ? { key: result.key } : {}),
    }
  }

  async rollback(slug: string, to: number): Promise<number> {
    const app = await this.#require(slug)
    return rollbackApp(app, to)
  }

  async summary(slug: string): Promise<AppSummary> {
    const doc = (await this.#require(slug)).doc()
    return {
      slug,
      scope: doc.scope,
      live: doc.live,
      projectUrl: doc.versions[0]?.projectUrl ?? '',
      versions: listVersions(doc),
    }
  }

  async diff(slug: string, from: number, to: number): Promise<VersionDiff> {
    return diffVersions((await this.#require(slug)).doc(), from, to)
  }

  /** The live version, or version `number`; its CSS is compiled once per version. */
  async playable(slug: string, number?: number): Promise<PlayableVersion> {
    const doc = (await this.#require(slug)).doc()
    const version = findVersion(doc, number ?? doc.live)
    const definition = versionDefinition(version)
    const cacheKey = `${slug}/${version.number}`
    let css = this.#css.get(cacheKey)
    if (!css) {
      css = compileAppCssInNode(definition)
      this.#css.set(cacheKey, css)
    }
    return {
      slug,
      number: version.number,
      scope: doc.scope,
      definition,
      instanceUrl: doc.instanceUrl,
      css: await css,
    }
  }

  /**
   * The live definition and the shared instance of a shared-scope app (for the integration
   * API); a per-visitor app has no instance here and is refused with TRP-306.
   */
  async sharedInstance(slug: string): Promise<{ definition: ProjectFile; live: LiveInstance }> {
    const app = await this.#require(slug)
    const doc = app.doc()
    if (doc.scope !== 'shared' || !doc.instanceUrl)
      throw refused(
        issueCodes.sharedScopeOnly,
        `app "${slug}" keeps its state in each visitor's browser; only an app published with shared state can be driven through this API`,
        ['scope'],
      )
    const definition = versionDefinition(findVersion(doc, doc.live))
    const live = await this.#hold(slug, app)
    if (!live) throw new Error(`app "${slug}" has no shared instance`)
    return { definition, live }
  }

  /** True when `key` is this app's key (compared as hashes, in constant time). */
  async keyMatches(slug: string, key: string): Promise<boolean> {
    const doc = (await this.#require(slug)).doc()
    const given = createHash('sha256').update(key).digest()
    const stored = Buffer.from(doc.keyHash, 'hex')
    return stored.length === given.length && timingSafeEqual(given, stored)
  }

  async #require(slug: string): Promise<DocHandle<AppDoc>> {
    const app = await this.#find(slug)
    if (!app) throw refused(issueCodes.unknownApp, `no published app "${slug}"`, ['slug'])
    return app
  }

  async #find(slug: string): Promise<DocHandle<AppDoc> | undefined> {
    const url = this.#index.get(slug)
    if (!url) return undefined
    return this.#repo.find<AppDoc>(url as AnyDocumentId).catch(() => undefined)
  }

  /** Holds a shared app's instance, so the server rotates its epochs (shared-instances.ts). */
  async #hold(slug: string, app: DocHandle<AppDoc>): Promise<LiveInstance | undefined> {
    if (app.doc().scope !== 'shared' || !app.doc().instanceUrl) return undefined
    return this.#instances.hold(slug, app, () => {
      const doc = app.doc()
      return versionDefinition(findVersion(doc, doc.live))
    })
  }

  #remember(slug: string, doc: AppDoc): void {
    const grant = visitorGrantFor(doc)
    if (grant) this.#grants.set(slug, grant)
    else this.#grants.delete(slug)
  }
}
