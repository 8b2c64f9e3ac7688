import {
  formatIssue,
  issueCodes,
  slugFromName,
  type TroupeIssue,
  TroupeValidationError,
} from '@troupe/core'
import {
  type AnyDocumentId,
  type AppScope,
  importProjectFile,
  isValidAutomergeUrl,
  openProject,
  type ProjectDoc,
} from '@troupe/documents'
import { AppIndex, createNodeRepo, publishIndexed, whenSynced } from '@troupe/documents/node'
import { EXIT_OK, EXIT_REFUSED, type Io } from '../io'
import { readInputFile, UsageError } from '../read-file'

export interface PublishCommandOptions {
  /** A project file, or the automerge: URL of a project document. */
  source: string
  slug?: string
  note?: string
  scope?: AppScope
  /** A running server (http://…) and its owner token, or … */
  server?: string
  token?: string
  /** … a data folder (the server must not be running on it). */
  dataDir?: string
}

interface PublishedLine {
  slug: string
  number: number
  path: string
  key?: string
}

/**
 * `troupe publish <project.json | project URL> [--slug] [--note] [--scope]` against a running
 * server (`--server URL --token T`, or TROUPE_SERVER / TROUPE_TOKEN) or a data folder
 * (`--data DIR`). A project file is imported first (onto the server through sync, waiting until
 * the server holds it). Prints `{ slug, number, path, key? }` as JSON; a refused project
 * prints each issue (TRP code, actor, JSON path) and exits 1.
 */
export async function publishCommand(options: PublishCommandOptions, io: Io): Promise<number> {
  if (!options.server === !options.dataDir)
    throw new UsageError('publish needs either --server URL (with --token) or --data DIR')
  const byUrl = isValidAutomergeUrl(options.source)
  const text = byUrl ? undefined : await readInputFile(options.source, 'project file')
  try {
    const published = options.server
      ? await publishToServer(options, text, io)
      : await publishToData(options, text)
    io.out(JSON.stringify(published, null, 2))
    if (published.key)
      io.err(
        'The app key above is shown only now: keep it to drive the app over HTTP (Authorization: Bearer <key>).',
      )
    return EXIT_OK
  } catch (error) {
    if (!(error instanceof TroupeValidationError)) throw error
    for (const issue of error.issues) io.err(formatIssue(issue))
    io.err(`${options.source} is refused: nothing was published`)
    return EXIT_REFUSED
  }
}

async function publishToData(
  options: PublishCommandOptions,
  text: string | undefined,
): Promise<PublishedLine> {
  const dataDir = options.dataDir as string
  const repo = createNodeRepo({ dataDir })
  try {
    const project =
      text === undefined
        ? (await openProject(repo, options.source as AnyDocumentId).catch(() => notFound(options)))
            .project
        : importProjectFile(repo, text).project
    const slug = options.slug ?? slugFromName(project.doc().name)
    const result = await publishIndexed(repo, new AppIndex(dataDir), project, {
      slug,
      ...(options.note ? { note: options.note } : {}),
      ...(options.scope ? { scope: options.scope } : {}),
    })
    await repo.flush()
    return {
      slug,
      number: result.number,
      path: `/apps/${slug}`,
      ...(result.key ? { key: result.key } : {}),
    }
  } finally {
    await repo.shutdown()
  }
}

async function publishToServer(
  options: PublishCommandOptions,
  text: string | undefined,
  io: Io,
): Promise<PublishedLine> {
  const base = (options.server as string).replace(/\/$/, '')
  if (!options.token) throw new UsageError('publish --server needs --token (or TROUPE_TOKEN)')
  // Checked first, so a wrong token is named as such instead of a sync that never completes.
  const session = await fetch(`${base}/api/session`, {
    headers: { authorization: `Bearer ${options.token}` },
  })
  if (!session.ok)
    throw new UsageError(
      `${issueCodes.loginRequired} ${base} refused the token: use the owner token (the server's data folder, file owner-token)`,
    )
  let projectUrl = options.source
  let name: string | undefined
  if (text !== undefined) {
    const syncUrl = `${base.replace(/^http/, 'ws')}/sync?token=${encodeURIComponent(options.token)}`
    const repo = createNodeRepo({ syncUrl })
    try {
      const { project, instance } = importProjectFile(repo, text)
      await Promise.all([whenSynced(repo, project), whenSynced(repo, instance)])
      projectUrl = project.url
      name = (project.doc() as ProjectDoc).name
      io.err(`Uploaded ${options.source} as project ${projectUrl}`)
    } finally {
      await repo.shutdown()
    }
  }
  if (!options.slug && name === undefined)
    throw new UsageError('publish <project URL> --server needs --slug')
  const slug = options.slug ?? slugFromName(name as string)
  const response = await fetch(`${base}/api/apps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      project: projectUrl,
      slug,
      ...(options.note ? { note: options.note } : {}),
      ...(options.scope ? { scope: options.scope } : {}),
    }),
  })
  const body = (await response.json().catch(() => ({}))) as {
    message?: string
    issues?: TroupeIssue[]
  } & Partial<PublishedLine>
  if (response.ok) {
    return {
      slug: body.slug as string,
      number: body.number as number,
      path: body.path as string,
      ...(body.key ? { key: body.key } : {}),
    }
  }
  if (body.issues?.length) throw new TroupeValidationError(body.issues)
  throw new Error(`The server answered ${response.status}: ${body.message ?? 'no reason given'}`)
}

function notFound(options: PublishCommandOptions): never {
  throw new TroupeValidationError([
    {
      code: issueCodes.projectNotFound,
      message: `no project document ${options.source} in ${options.dataDir}`,
      path: [],
    },
  ])
}
