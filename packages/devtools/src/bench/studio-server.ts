import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  createProject,
  type DocHandle,
  type ProjectDoc,
  setActorPositions,
  whenConnected,
} from '@troupe/documents'
import { createNodeRepo, whenSynced } from '@troupe/documents/node'
import { startServer } from '@troupe/server'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { build } from 'vite'
import { chromiumArgs, chromiumPath } from '../chromium.mjs'
import { type BenchGraph, benchGraph } from './studio-graph'

/**
 * What the studio suites share: the production build of apps/studio served by the real Troupe
 * server, projects of the bench graph created by a Node automerge-repo and synced to the
 * server before any page opens them, and headless Chromium at the bench's window size.
 */
export const studioRoot = fileURLToPath(new URL('../../../../apps/studio/', import.meta.url))
export const viewport = { width: 1400, height: 900 }

export interface SeededProject {
  graph: BenchGraph
  project: DocHandle<ProjectDoc>
  /** The project's address in the studio. */
  url: string
}

export interface StudioBench {
  browser: Browser
  /** The project of `count` actors (created before the browser started). */
  seeded(count: number): SeededProject
  /** A fresh browser context (empty cache and IndexedDB), logged in as the owner. */
  loggedInContext(): Promise<BrowserContext>
  /** The work folder, for other pages a suite builds. */
  work: string
  close(): Promise<void>
}

export async function startStudioBench(sizes: number[]): Promise<StudioBench> {
  const work = mkdtempSync(join(tmpdir(), 'troupe-bench-studio-'))
  const studioDir = await builtStudio()
  const server = await startServer({ port: 0, dataDir: join(work, 'data'), studioDir })
  const repo = createNodeRepo({ syncUrl: server.ownerSyncUrl })
  let browser: Browser | undefined
  const close = async () => {
    await browser?.close()
    repo.shutdown().catch(() => {})
    await server.close()
    rmSync(work, { recursive: true, force: true })
  }
  try {
    // Connected before the first document is made, so the server learns of it as it syncs.
    await whenConnected(repo)
    const projects = new Map<number, SeededProject>()
    for (const count of new Set(sizes)) {
      progress(`creating a project of ${count.toLocaleString('en-US')} actors and syncing it`)
      const graph = benchGraph(count)
      const { project, instance } = createProject(repo, { from: graph.file })
      setActorPositions(project, graph.positions)
      await whenSynced(repo, project)
      await whenSynced(repo, instance)
      projects.set(count, { graph, project, url: `${server.displayUrl}/p/${project.documentId}` })
    }
    const launched = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
    browser = launched
    return {
      browser: launched,
      work,
      seeded: (count) => {
        const project = projects.get(count)
        if (!project) throw new Error(`No bench project of ${count} actors was created`)
        return project
      },
      loggedInContext: async () => {
        const context = await benchContext(launched)
        const login = await context.request.get(server.loginUrl, { maxRedirects: 0 })
        if (login.status() !== 303) throw new Error(`login link answered ${login.status()}`)
        return context
      },
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}

let studioBuild: Promise<string> | null = null

/**
 * The studio's production build, made once per process and removed when it exits. `pnpm bench
 * studio` runs several parts; built for each, an edit of the sources made during the run got
 * into the later parts' figures.
 */
function builtStudio(): Promise<string> {
  studioBuild ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'troupe-bench-studio-build-'))
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }))
    progress('building the studio')
    await build({
      root: studioRoot,
      configFile: join(studioRoot, 'vite.config.ts'),
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        // TROUPE_BENCH_UNMINIFIED=1 keeps names readable in CPU profiles of the studio.
        ...(process.env.TROUPE_BENCH_UNMINIFIED ? { minify: false } : {}),
      },
    })
    return outDir
  })()
  return studioBuild
}

/**
 * A browser context at the bench's window size. tsx compiles the bench keeping function names
 * (`__name(fn, "name")` around inner functions), and functions handed to the page carry those
 * calls with them; every frame of every page gets the identity helper they expect.
 */
export async function benchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport })
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  return context
}

/** Waits until the canvas has drawn its nodes and stopped changing (fitView done). */
export async function settledCanvas(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('.react-flow__node').length > 0,
    null,
    { timeout: 60_000 },
  )
  let last = ''
  for (let stable = 0, tries = 0; stable < 3; tries++) {
    if (tries > 100) throw new Error(`The canvas did not settle: ${last}`)
    await page.waitForTimeout(300)
    const now = await page.evaluate(
      () =>
        `${document.querySelectorAll('.react-flow__node').length} ${document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform}`,
    )
    stable = now === last ? stable + 1 : 0
    last = now
  }
}

export function progress(text: string): void {
  console.log(`  ${text}`)
}

export function watchErrors(page: Page, name: string): void {
  page.on('pageerror', (error) => console.error(`${name} page error:`, error.message))
}
