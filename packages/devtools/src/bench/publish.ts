import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { ActorDefinition, ProjectFile } from '@troupe/core'
import { createProject, importProjectFile, publishProject } from '@troupe/documents'
import { createNodeRepo, whenSynced } from '@troupe/documents/node'
import { compileAppCssInNode } from '@troupe/styles/node'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../chromium.mjs'
import type { SuiteReport } from './report'
import { table } from './report'
import { fixed, median, ratio } from './stats'

/**
 * `pnpm bench publish`: (1) publishing a 200-actor project (validate, pin at heads, freeze the
 * definition, one change of the app record) beside importing the same project, in the same
 * process; (2) the built player's JavaScript and CSS, gzip, with and without Automerge's wasm,
 * beside the studio's; (3) time to interactive of a published app in Chromium (a fresh
 * context per run, so no cache) beside the studio opening the same project, alternating.
 * Needs the built studio and player (npm start / npm test build them).
 */
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const playerAssets = join(repoRoot, 'apps/player/dist/assets')
const studioAssets = join(repoRoot, 'apps/studio/dist/assets')
const publishRuns = 20
const loadRuns = 7

/** A root with 199 children: labels and buttons, each with its own classes and a click. */
export function largeProject(count = 200): ProjectFile {
  const actors: Record<string, ActorDefinition> = {}
  const children: string[] = []
  for (let i = 1; i < count; i++) {
    const id = `item${i}`
    children.push(id)
    actors[id] = {
      role: i % 2 ? 'label' : 'button',
      context: { visible: true, n: i },
      view:
        i % 2
          ? { tag: 'p', classes: `text-sm p-${i % 8}`, bindings: { text: 'context.n' } }
          : {
              tag: 'button',
              classes: `rounded border px-${i % 6} py-1`,
              elements: [`Button ${i}`],
              events: { click: { event: '@input/updateContext', payload: { n: i * 2 } } },
            },
      subscriptions: [id],
      children: [],
      dependencies: {},
    }
  }
  actors.root = {
    role: 'root',
    context: { visible: true },
    view: { container: { layout: 'flex', class: 'flex flex-col gap-2 p-4' } },
    subscriptions: ['root'],
    children,
    dependencies: {},
  }
  return { troupe: 1, name: 'Large', root: 'root', actors }
}

function gzipSizes(dir: string): { name: string; raw: number; gzip: number }[] {
  return readdirSync(dir)
    .filter((name) => /\.(js|css|wasm)$/.test(name))
    .map((name) => {
      const bytes = readFileSync(join(dir, name))
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
    })
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

async function publishTimes(): Promise<{ publish: number[]; importing: number[] }> {
  const file = largeProject()
  const publish: number[] = []
  const importing: number[] = []
  for (let run = 0; run < publishRuns + 3; run++) {
    const repo = createNodeRepo()
    let started = performance.now()
    const { project } = createProject(repo, { from: file })
    const imported = performance.now() - started
    started = performance.now()
    await publishProject(repo, project, undefined, { slug: 'large' })
    const published = performance.now() - started
    await repo.shutdown()
    if (run < 3) continue // warm-up
    importing.push(imported)
    publish.push(published)
  }
  return { publish, importing }
}

function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    join(repoRoot, 'node_modules/.bin/tsx'),
    ['apps/server/src/main.ts', '--port', String(port), '--data', dataDir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (/Log in with/.test(out)) resolve(child)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
}

async function timeToInteractive(): Promise<{ player: number[]; studio: number[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'troupe-bench-publish-'))
  const port = 20000 + Math.floor(Math.random() * 20000)
  const server = await startServer(dataDir, port)
  const base = `http://127.0.0.1:${port}`
  const token = readFileSync(join(dataDir, 'owner-token'), 'utf8').trim()
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
  })
  try {
    const repo = createNodeRepo({ syncUrl: `ws://127.0.0.1:${port}/sync?token=${token}` })
    const fixture = readFileSync(
      join(repoRoot, 'packages/cli/fixtures/header/project.json'),
      'utf8',
    )
    const { project, instance } = importProjectFile(repo, fixture)
    await Promise.all([whenSynced(repo, project), whenSynced(repo, instance)])
    await repo.shutdown()
    const response = await fetch(`${base}/api/apps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ project: project.url, slug: 'header' }),
    })
    if (!response.ok) throw new Error(`publish failed: ${await response.text()}`)

    const player: number[] = []
    const studio: number[] = []
    for (let run = 0; run < loadRuns + 1; run++) {
      // Alternate, each in a fresh context (empty cache, empty IndexedDB).
      const playerContext = await browser.newContext()
      const playerPage = await playerContext.newPage()
      let started = performance.now()
      await playerPage.goto(`${base}/apps/header`, { waitUntil: 'commit' })
      await playerPage.getByRole('button', { name: 'Menu' }).waitFor()
      const playerMs = performance.now() - started
      await playerContext.close()

      const studioContext = await browser.newContext({ viewport: { width: 1400, height: 900 } })
      await studioContext.request.get(`${base}/?token=${token}`, { maxRedirects: 0 })
      const studioPage = await studioContext.newPage()
      started = performance.now()
      await studioPage.goto(`${base}/p/${project.documentId}`, { waitUntil: 'commit' })
      await studioPage
        .getByRole('region', { name: 'Preview' })
        .frameLocator('iframe[title="App preview"]')
        .getByRole('button', { name: 'Menu' })
        .waitFor()
      const studioMs = performance.now() - started
      await studioContext.close()
      if (run === 0) continue // warm-up (server-side CSS compile, tsx caches)
      player.push(playerMs)
      studio.push(studioMs)
    }
    return { player, studio }
  } finally {
    await browser.close()
    await new Promise((done) => {
      server.once('exit', done)
      server.kill('SIGINT')
    })
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function publishBench(): Promise<SuiteReport> {
  // The machine is shared; the load says how much the times below are worth.
  const load = loadavg()[0] ?? 0
  const { publish, importing } = await publishTimes()
  const cssStarted = performance.now()
  const css = await compileAppCssInNode(largeProject())
  const cssMs = performance.now() - cssStarted

  const player = gzipSizes(playerAssets)
  const studio = gzipSizes(studioAssets)
  // Both stream Automerge's .wasm file; the studio's figure counts every chunk, also those it
  // loads later (Monaco, with the first selection; elkjs, for auto-layout).
  const isWasm = (name: string) => name.endsWith('.wasm')
  const sum = (files: typeof player, test: (name: string) => boolean) =>
    files.filter((f) => test(f.name)).reduce((total, f) => total + f.gzip, 0)
  const playerJs = sum(player, (n) => n.endsWith('.js') && !isWasm(n))
  const playerWasm = sum(player, isWasm)
  const studioJs = sum(studio, (n) => n.endsWith('.js') || isWasm(n))
  const cssGzip = gzipSync(css, { level: 9 }).length

  const tti = await timeToInteractive()
  const playerTti = median(tti.player)
  const studioTti = median(tti.studio)

  const markdown = [
    table(
      ['measure', 'Troupe', 'baseline (same run)', 'ratio'],
      [
        [
          'publish a 200-actor project (median ms)',
          fixed(median(publish), 1),
          `import the same project: ${fixed(median(importing), 1)}`,
          ratio(median(publish), median(importing)),
        ],
        ['compile its CSS once per version (ms)', fixed(cssMs, 1), '', ''],
        [
          'player JS without the Automerge wasm (gzip)',
          kb(playerJs),
          'goal: < 150 KB',
          playerJs < 150 * 1024 ? 'met' : 'NOT met',
        ],
        [
          'player JS + its wasm file (gzip)',
          kb(playerJs + playerWasm),
          `studio JS + its wasm file, every chunk: ${kb(studioJs)}`,
          ratio(playerJs + playerWasm, studioJs),
        ],
        ['CSS of the 200-actor app (gzip)', kb(cssGzip), '', ''],
        [
          'time to interactive, published app (median ms)',
          fixed(playerTti, 0),
          `studio, same project: ${fixed(studioTti, 0)}`,
          ratio(playerTti, studioTti),
        ],
      ],
    ),
    '',
    `Publish: ${publishRuns} runs after 3 warm-ups, in memory (automerge-repo, no disk). Time to interactive: ${loadRuns} runs per side after one warm-up, alternating, each in a fresh Chromium context (empty cache), from navigation until the app's "Menu" button is visible (the studio: inside its preview frame); goal < 1000 ms, ${playerTti < 1000 ? 'met' : 'NOT met'}. Sizes: \`apps/player/dist/assets\`, gzip level 9. Load average when the suite started: ${load.toFixed(1)}.`,
  ].join('\n')
  return {
    suite: 'publish',
    title: 'Publishing and the player',
    command: 'pnpm bench publish',
    markdown,
  }
}
