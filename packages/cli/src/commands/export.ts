import { cp, mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  formatIssue,
  issueCodes,
  type ProjectFile,
  parseProjectText,
  slugFromName,
  TroupeValidationError,
} from '@troupe/core'
import { type AnyDocumentId, type AppDoc, findVersion, versionDefinition } from '@troupe/documents'
import { AppIndex, createNodeRepo } from '@troupe/documents/node'
import { renderPlayerPage } from '@troupe/styles'
import { compileAppCssInNode, readPlayerBuild } from '@troupe/styles/node'
import { EXIT_OK, EXIT_REFUSED, type Io } from '../io'
import { readInputFile, UsageError } from '../read-file'

/** The built player (`pnpm --filter @troupe/player build`; npm start and npm test build it). */
export const defaultPlayerDir = fileURLToPath(
  new URL('../../../../apps/player/dist', import.meta.url),
)

export interface ExportOptions {
  /** A project file, or … */
  projectPath?: string
  /** … a published app in a data folder (its live version, or `version`). */
  app?: string
  version?: number
  dataDir?: string
  out: string
  playerDir?: string
}

/**
 * `troupe export <project.json> --out DIR` or `troupe export --app SLUG [--version N] --data DIR
 * --out DIR`: a static bundle that runs from any static file host, without a Troupe server:
 * index.html (the definition inside, state per visitor in the browser), the player's JS under
 * assets/, app.css compiled from the classes the app uses, and definition.json, the pinned
 * definition.
 */
export async function exportCommand(options: ExportOptions, io: Io): Promise<number> {
  const playerDir = options.playerDir ?? defaultPlayerDir
  const build = readPlayerBuild(playerDir)
  if (!build)
    throw new UsageError(
      `${issueCodes.playerNotBuilt} the player is not built (no index.html in ${playerDir}): run pnpm --filter @troupe/player build`,
    )
  let pinned: { slug: string; version: number; definition: ProjectFile }
  try {
    pinned = await definitionToExport(options)
  } catch (error) {
    if (!(error instanceof TroupeValidationError)) throw error
    for (const issue of error.issues) io.err(formatIssue(issue))
    io.err('nothing was exported')
    return EXIT_REFUSED
  }
  const out = resolve(options.out)
  await mkdir(out, { recursive: true })
  await cp(join(playerDir, 'assets'), join(out, 'assets'), { recursive: true })
  const css = await compileAppCssInNode(pinned.definition)
  await writeFile(join(out, 'app.css'), css)
  await writeFile(join(out, 'definition.json'), `${JSON.stringify(pinned.definition, null, 2)}\n`)
  const page = renderPlayerPage(
    build.template,
    { slug: pinned.slug, version: pinned.version, scope: 'visitor', definition: pinned.definition },
    css,
    {
      assetBase: './assets/',
      title: pinned.definition.name,
      cssHref: './app.css',
      ...(build.wasm ? { wasm: build.wasm } : {}),
    },
  )
  await writeFile(join(out, 'index.html'), page)
  io.out(JSON.stringify({ out, slug: pinned.slug, version: pinned.version }))
  return EXIT_OK
}

async function definitionToExport(
  options: ExportOptions,
): Promise<{ slug: string; version: number; definition: ProjectFile }> {
  if (options.projectPath) {
    const parsed = parseProjectText(await readInputFile(options.projectPath, 'project file'))
    if (!parsed.ok) throw new TroupeValidationError(parsed.issues)
    return { slug: slugFromName(parsed.project.name), version: 0, definition: parsed.project }
  }
  if (!options.app || !options.dataDir)
    throw new UsageError('export takes a project file, or --app SLUG with --data DIR')
  const url = new AppIndex(options.dataDir).get(options.app)
  if (!url)
    throw new TroupeValidationError([
      {
        code: issueCodes.unknownApp,
        message: `no published app "${options.app}" in ${options.dataDir}`,
        path: [],
      },
    ])
  const repo = createNodeRepo({ dataDir: options.dataDir })
  try {
    const doc = (await repo.find<AppDoc>(url as AnyDocumentId)).doc()
    const version = findVersion(doc, options.version ?? doc.live)
    return { slug: options.app, version: version.number, definition: versionDefinition(version) }
  } finally {
    await repo.shutdown()
  }
}
