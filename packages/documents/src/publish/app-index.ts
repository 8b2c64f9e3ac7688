import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import type { AnyDocumentId, DocHandle, Repo } from '@automerge/automerge-repo'
import type { AppDoc } from '../schema/app'
import type { ProjectDoc } from '../schema/project'
import { type PublishOptions, type PublishResult, publishProject } from './publish'

/** The file, in a data folder, that maps each published app's slug to its app record's URL. */
export const APP_INDEX_FILE = 'apps.json'

/**
 * Which app record document each slug names, kept in `<data>/apps.json`. The server reads it
 * at start (visitor grants are looked up synchronously per connection) and both the server
 * and `troupe publish --data` write it whole: temporary file, fsync, rename, so the file is
 * always either the old or the new map.
 */
export class AppIndex {
  readonly file: string
  #slugs: Record<string, string>

  constructor(dataDir: string) {
    this.file = join(dataDir, APP_INDEX_FILE)
    this.#slugs = readIndex(this.file)
  }

  get(slug: string): string | undefined {
    return Object.hasOwn(this.#slugs, slug) ? this.#slugs[slug] : undefined
  }

  slugs(): string[] {
    return Object.keys(this.#slugs).sort()
  }

  set(slug: string, appUrl: string): void {
    this.#slugs = { ...this.#slugs, [slug]: appUrl }
    mkdirSync(dirname(this.file), { recursive: true })
    const temporary = `${this.file}.${process.pid}.tmp`
    const fd = openSync(temporary, 'w', 0o600)
    try {
      writeSync(fd, `${JSON.stringify(this.#slugs, null, 2)}\n`)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, this.file)
  }
}

function readIndex(file: string): Record<string, string> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw error
  }
  const parsed = JSON.parse(text) as unknown
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${file} is not a map of app slugs to document URLs`)
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
}

/**
 * Publishes through a data folder's slug index: finds the slug's app record (if any),
 * publishes a new version (see publishProject) and records a new app in the index. The server
 * and `troupe publish --data` both publish this way.
 */
export async function publishIndexed(
  repo: Repo,
  index: AppIndex,
  project: DocHandle<ProjectDoc>,
  options: PublishOptions,
): Promise<PublishResult> {
  const url = index.get(options.slug)
  const existing = url
    ? await repo.find<AppDoc>(url as AnyDocumentId).catch(() => undefined)
    : undefined
  const result = await publishProject(repo, project, existing, options)
  if (!existing) index.set(options.slug, result.app.url)
  return result
}
