import { loadavg } from 'node:os'
import type { SuiteReport } from './report'
import { table } from './report'
import { fixed, median, percentile, ratio } from './stats'
import { clockSkew, editKeys, installKeyClock, typeIntoPreview, warmUpKeys } from './studio-edit'
import { actorId, leafText } from './studio-graph'
import { type OpenTimes, openToInteractive } from './studio-open'
import {
  progress,
  type StudioBench,
  settledCanvas,
  startStudioBench,
  watchErrors,
} from './studio-server'

/**
 * `pnpm bench studio-open` (part of `pnpm bench studio`): opening a 1,000-actor project to
 * interactive, and a valid edit typed in Monaco until the preview shows it with 200 actors.
 * The baseline, in the same run and browser, is the same studio with a 10-actor project: what
 * opening and editing cost before the project's size adds anything.
 */
// TROUPE_BENCH_QUICK=1: a small run that checks the suite works, not figures to keep.
const quick = process.env.TROUPE_BENCH_QUICK === '1'
const baseSize = 10
const editSize = 200
const openSize = quick ? 300 : 1_000
const opens = quick ? 1 : 5

export async function studioOpenBench(): Promise<SuiteReport> {
  // The machine is shared; the load says how much the times below are worth.
  const load = loadavg()[0] ?? 0
  const bench = await startStudioBench([baseSize, editSize, openSize])
  try {
    const edits = {
      base: await editToPreview(bench, baseSize),
      large: await editToPreview(bench, editSize),
    }
    const open = { base: [] as OpenTimes[], large: [] as OpenTimes[] }
    progress(`opening projects of ${baseSize} and ${openSize} actors, ${opens} cold opens each`)
    for (let i = 0; i < opens; i++) {
      // Alternating, each in a fresh context.
      open.base.push(await coldOpen(bench, baseSize))
      open.large.push(await coldOpen(bench, openSize))
    }
    const version = await bench.browser.version()
    const phase = (times: OpenTimes[], key: keyof OpenTimes) => median(times.map((t) => t[key]))
    const openRow = (label: string, times: OpenTimes[]) => [
      label,
      fixed(phase(times, 'script'), 0),
      fixed(phase(times, 'documents'), 0),
      fixed(phase(times, 'canvas'), 0),
      fixed(phase(times, 'interactive'), 0),
      fixed(Math.max(...times.map((t) => t.interactive)), 0),
      fixed(phase(times, 'preview'), 0),
    ]
    const editRow = (label: string, times: { warmUp: number[]; latencies: number[] }) => [
      label,
      fixed(median(times.latencies), 1),
      fixed(percentile(times.latencies, 95), 1),
      fixed(Math.max(...times.latencies), 1),
      times.warmUp.map((ms) => fixed(ms, 0)).join(', '),
    ]
    const interactive = phase(open.large, 'interactive')
    const editP95 = percentile(edits.large.latencies, 95)
    return {
      suite: 'studio-open',
      title: 'Studio: opening a project, edit to preview',
      command: 'pnpm bench studio-open (also part of pnpm bench studio)',
      markdown: [
        table(
          [
            'open (median ms from navigation)',
            'script running',
            'documents open',
            'canvas drawn',
            'interactive',
            'interactive, slowest',
            'preview shows the app',
          ],
          [
            openRow(`${openSize.toLocaleString('en-US')} actors`, open.large),
            openRow(`${baseSize} actors (baseline)`, open.base),
          ],
        ),
        '',
        table(
          [
            'edit to preview (ms)',
            'median',
            'p95',
            'max',
            `first ${warmUpKeys.length} keys (not in the rest)`,
          ],
          [
            editRow(`${editSize} actors`, edits.large),
            editRow(`${baseSize} actors (baseline)`, edits.base),
          ],
        ),
        '',
        `- Opening a project of ${openSize.toLocaleString('en-US')} actors to interactive: median ${fixed(interactive, 0)} ms over ${opens} cold opens (goal < 1.5 s: ${interactive < 1500 ? 'met' : 'NOT met'}); ${ratio(interactive, phase(open.base, 'interactive'))} of the ${baseSize}-actor baseline.`,
        `- Edit to preview, ${editSize} actors: 95th percentile ${fixed(editP95, 1)} ms over ${edits.large.latencies.length} keys (goal < 50 ms: ${editP95 < 50 ? 'met' : 'NOT met'}).`,
        '',
        `How it is measured: Chromium ${version}, headless; the studio is its production build served by the Troupe server, each project (\`studio-graph.ts\`: a tree of containers ten wide, text and button leaves, every actor subscribed to one other) created by a Node automerge-repo and synced to the server before the page opens it. Load average when the suite started: ${load.toFixed(1)} (2 cores, shared with other work, so figures move between runs; compare the rows of one run).`,
        '',
        `- **Open to interactive.** A fresh browser context each time (no cache, no IndexedDB copy), the two sizes alternating, opens the project's address. Times from navigation start: the studio's script starts running (JavaScript downloaded and parsed), the project and instance documents are open (synced from the server), the canvas has drawn every node measured and fitted to view, and *interactive*: the bench clicks a node (real input through CDP, sent as soon as the canvas is drawn) and the time is taken in the first frame in which the inspector shows that actor's role. The preview frame showing the app is reported beside it; it is not part of interactive (the studio loads the frame once the canvas has drawn and the page is next idle).`,
        `- **Edit to preview.** The view of a text actor opened in Monaco by clicking its node; ${warmUpKeys.length} keys typed first (the first edits also start Monaco's JSON worker; their times are listed apart) and then the ${editKeys.length} measured ones, one by one (Playwright's keyboard) into its text, 250 ms apart. Each is timed from its \`keydown\` in the studio page to the moment a MutationObserver inside the sandboxed preview frame sees the new text, both clocks read as \`performance.timeOrigin + performance.now()\` (measured skew between them at ${editSize} actors ${fixed(edits.large.skew.skew, 2)} ms, within ±${fixed(edits.large.skew.bound, 2)} ms).`,
      ].join('\n'),
    }
  } finally {
    await bench.close()
  }
}

async function editToPreview(bench: StudioBench, count: number) {
  progress(`edit to preview, ${count} actors`)
  const context = await bench.loggedInContext()
  try {
    const page = await context.newPage()
    watchErrors(page, 'studio')
    await page.addInitScript(installKeyClock)
    await page.goto(bench.seeded(count).url)
    await settledCanvas(page)
    const leaf = count - 2
    await page.locator(`.react-flow__node[data-id="${actorId(leaf)}"]`).click()
    const editor = page.getByRole('region', { name: 'View JSON' })
    await editor.locator('.view-line', { hasText: leafText(leaf) }).click()
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowLeft')
    const skew = await clockSkew(page)
    const { warmUp, latencies } = await typeIntoPreview(page, leafText(leaf))
    return { warmUp, latencies, skew }
  } finally {
    await context.close()
  }
}

async function coldOpen(bench: StudioBench, count: number): Promise<OpenTimes> {
  const { graph, url } = bench.seeded(count)
  const clickId = actorId(count - 1)
  const context = await bench.loggedInContext()
  try {
    return await openToInteractive(context, url, {
      nodes: count,
      clickId,
      role: graph.file.actors[clickId]!.role,
      previewText: leafText(count - 1),
    })
  } finally {
    await context.close()
  }
}
