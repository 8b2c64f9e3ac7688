import { writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { DocHandle, ProjectDoc } from '@troupe/documents'
import react from '@vitejs/plugin-react'
import type { Page } from 'playwright-core'
import { build } from 'vite'
import { formatBreakdown, summarizeTrace, traceGesture } from './frame-trace'
import type { SuiteReport } from './report'
import { table } from './report'
import { serve } from './static-server'
import { fixed, median, percentile, ratio } from './stats'
import {
  centralNode,
  framesPerGesture,
  gesture,
  installFrameProbe,
  movesPerGesture,
  nodeTransform,
  panPoint,
  viewportTransform,
} from './studio-canvas'
import {
  benchContext,
  progress,
  settledCanvas,
  startStudioBench,
  studioRoot,
  viewport,
  watchErrors,
} from './studio-server'

/**
 * `pnpm bench studio`: the built studio (production Vite build of apps/studio) served by the
 * real Troupe server, its projects synced from a Node automerge-repo over the real websocket,
 * opened in headless Chromium: a node dragged and the pane panned over 1,000 and 5,000 actors,
 * frame by frame, beside bare React Flow 12 showing the same nodes and edges in the same run
 * and browser. (Edit to preview and opening a project: studio-open-bench.ts.)
 */
// TROUPE_BENCH_QUICK=1: a small run that checks the suite works, not figures to keep.
const quick = process.env.TROUPE_BENCH_QUICK === '1'
// --actors=1000 (or --actors=1000,5000): only the canvas gestures at those sizes, printed and
// not written to BENCHMARKS.md, for quick runs while working on the canvas.
const canvasOnly = canvasOnlySizes(process.argv)
// TROUPE_BENCH_TRACE=1: after the measured rounds, one more drag and pan per page traced by
// Chromium, printed as where the frames' time went (frame-trace.ts); figures are unchanged.
// TROUPE_BENCH_TRACE=<folder> also writes each trace there (DevTools' Performance panel opens it).
const traceSetting = process.env.TROUPE_BENCH_TRACE
const tracing = Boolean(traceSetting)
const traceDir = traceSetting && traceSetting !== '1' ? traceSetting : null
const canvasSizes =
  canvasOnly ?? (quick ? [Number(process.env.TROUPE_BENCH_QUICK_SIZE ?? 300)] : [1_000, 5_000])
// One round at 5,000 actors, whose frames take several times longer to drive (each round
// says how long it took, so a slow machine shows progress instead of silence).
const roundsFor = (count: number) => (quick ? 1 : count > 1_000 ? 1 : 3)

interface GestureFrames {
  drag: number[]
  pan: number[]
}

export async function studioBench(): Promise<SuiteReport> {
  // Every project is on the server before the browser starts.
  const bench = await startStudioBench(canvasSizes)
  let flowServer: Server | undefined
  try {
    const seeded = bench.seeded
    progress('building the bare React Flow page')
    const flowDir = join(bench.work, 'flow')
    await buildFlowPage(flowDir)
    flowServer = await serve(flowDir)
    const flowUrl = `http://127.0.0.1:${(flowServer.address() as AddressInfo).port}/flow.html`
    const studioContext = await bench.loggedInContext()
    const bareContext = await benchContext(bench.browser)

    const canvasRows: (string | number)[][] = []
    const goals: string[] = []
    for (const count of canvasSizes) {
      const project = seeded(count)
      const studio = await studioContext.newPage()
      watchErrors(studio, 'studio')
      await studio.addInitScript(installFrameProbe)
      await studio.goto(project.url)
      await settledCanvas(studio)
      const size = await studio.locator('.canvas-flow').boundingBox()
      if (!size) throw new Error('The studio has no canvas')

      const bare = await bareContext.newPage()
      watchErrors(bare, 'bare React Flow')
      await bare.addInitScript(installFrameProbe)
      await bare.goto(flowUrl)
      await bare.waitForFunction(() => 'bareFlow' in globalThis)
      await bare.evaluate(
        (graph) => (globalThis as unknown as BareWindow).bareFlow.show(graph),
        bareGraph(project.project, size),
      )
      await settledCanvas(bare)

      progress(
        `canvas, ${count.toLocaleString('en-US')} actors: dragging and panning, ${roundsFor(count)} round${roundsFor(count) === 1 ? '' : 's'}`,
      )
      const frames = { troupe: empty(), bare: empty() }
      for (let round = 0; round < roundsFor(count); round++) {
        const direction = round % 2 === 0 ? 1 : -1
        const started = performance.now()
        for (const [page, into] of [
          [studio, frames.troupe],
          [bare, frames.bare],
        ] as const) {
          await dragAndPan(page, direction, into)
        }
        progress(
          `  round ${round + 1} of ${roundsFor(count)} done in ${((performance.now() - started) / 1000).toFixed(0)} s`,
        )
      }
      if (tracing) {
        // One more round, traced, after the measured ones (tracing slows the page down).
        for (const [page, name] of [
          [studio, 'Troupe'],
          [bare, 'bare React Flow'],
        ] as const) {
          const traced = async (kind: string, run: () => Promise<number[]>) => {
            const { result, trace } = await traceGesture(bench.browser, page, run)
            const label = `${name}, ${kind}, ${count.toLocaleString('en-US')} actors (traced, median ${fixed(median(result), 1)} ms)`
            const breakdown = summarizeTrace(JSON.parse(trace.toString('utf8')))
            console.log(formatBreakdown(label, breakdown, movesPerGesture))
            if (traceDir) {
              const file = join(traceDir, `${name.split(' ')[0]}-${kind}-${count}.json`)
              writeFileSync(file, trace)
              progress(`trace written to ${file}`)
            }
          }
          await dragAndPan(page, 1, empty(), traced)
        }
      }
      await studio.close()
      await bare.close()
      for (const kind of ['drag', 'pan'] as const) {
        const troupe = frames.troupe[kind]
        const base = frames.bare[kind]
        if (!troupe.length || !base.length) {
          const none = 'not measured: nodes cover the whole pane, no empty spot to pan from'
          canvasRows.push([count.toLocaleString('en-US'), '', kind, none, '', '', '', ''])
          continue
        }
        canvasRows.push([
          count.toLocaleString('en-US'),
          project.graph.edgeCount.toLocaleString('en-US'),
          kind,
          fixed(median(troupe), 2),
          fixed(median(base), 2),
          ratio(median(troupe), median(base)),
          fixed(percentile(troupe, 95), 2),
          fixed(percentile(base, 95), 2),
        ])
        if (count === canvasSizes[0]) {
          goals.push(
            `- ${kind}, ${count.toLocaleString('en-US')} actors: median ${ratio(median(troupe), median(base))} of bare React Flow (goal ≤ 1.25x), 95th percentile ${fixed(percentile(troupe, 95), 2)} ms (goal < 16.7 ms).`,
          )
        }
      }
    }

    const canvasTable = table(
      [
        'actors',
        'edges',
        'gesture',
        'Troupe median ms',
        'bare React Flow median ms',
        'Troupe / bare',
        'Troupe p95 ms',
        'bare p95 ms',
      ],
      canvasRows,
    )
    if (canvasOnly) {
      return {
        suite: 'studio',
        title: 'Studio canvas only',
        command: `pnpm bench studio-canvas --actors=${canvasOnly.join(',')}`,
        markdown: [canvasTable, '', ...goals].join('\n'),
        partial: true,
      }
    }

    const version = await bench.browser.version()
    return {
      suite: 'studio',
      title: 'Studio: canvas frames beside bare React Flow',
      command: 'pnpm bench studio (this part alone: pnpm bench studio-canvas)',
      markdown: [
        canvasTable,
        '',
        ...goals,
        '',
        `How it is measured: Chromium ${version}, headless, ${viewport.width}×${viewport.height} window; the studio is its production build served by the Troupe server, each project created by a Node automerge-repo and synced to the server before the page opens it.`,
        '',
        `- **Canvas frames.** The studio's canvas (a node dragged, the pane panned) beside bare React Flow 12 (\`apps/studio/bench/flow.tsx\`: \`useNodesState\`/\`useEdgesState\`, default nodes and edges, \`fitView\`) given the same nodes, positions and edges at the studio canvas's size, in the same browser, alternating, ${canvasSizes.map((c) => `${roundsFor(c)} rounds of each gesture at ${c.toLocaleString('en-US')} actors (${framesPerGesture * roundsFor(c)} frames per cell)`).join(', ')}. Both open fitted to view, as the studio opens a project. The node dragged is the one nearest the canvas's middle, pressed on a spot where the page's hit test finds its body and no handle (zoomed far out a node is a few pixels tall, and a press on a handle draws a new edge instead); the bench fails if a drag did not move the node or a pan the pane. Playwright's mouse sends real input events (CDP \`Input.dispatchMouseEvent\`), one move per frame: each move waits for the frame that showed it. A probe in the page (\`frame-probe.ts\`) records, per move, when the first \`pointermove\` listener ran, when the task that changed the dragged node's (or the pane's) style ended, when the next animation frame began and when that frame's rendering ended (a message posted from the frame callback arrives after style, layout and paint). The studio renders a move inside the input's task (its drag state is a store); bare React Flow's \`useNodesState\` is React state set from a pointer event, which React renders in a later task, after the input's frame: the probe times both until the frame that shows the move. Frame time is the main thread's work for the move: from the listener to the end of that frame, minus the idle wait between the change's task and the frame's start (vsync). So a frame that does nothing costs well under 1 ms, not 16.7 ms.`,
        '- The machine is shared (2 cores, other work running), so figures move between runs; compare the two columns of one run.',
      ].join('\n'),
    }
  } finally {
    flowServer?.close()
    await bench.close()
  }
}

interface BareWindow {
  bareFlow: { show(graph: ReturnType<typeof bareGraph>): void }
}

/** The sizes of `--actors=N[,M]`, or null when the flag is absent. */
function canvasOnlySizes(argv: readonly string[]): number[] | null {
  const flag = argv.find((arg) => arg.startsWith('--actors'))
  if (!flag) return null
  const sizes = (flag.split('=')[1] ?? '').split(',').map(Number)
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 2)) {
    throw new Error(`${flag}: give the canvas sizes as --actors=1000 or --actors=1000,5000`)
  }
  return sizes
}

type Run = (kind: 'drag' | 'pan', gesture: () => Promise<number[]>) => Promise<unknown>

/**
 * One drag of the node nearest the middle and one pan from an empty spot of the pane, their
 * frame times added to `into`; `run` wraps each gesture (to trace it).
 */
async function dragAndPan(
  page: Page,
  direction: 1 | -1,
  into: GestureFrames,
  run: Run = (_kind, gesture) => gesture(),
): Promise<void> {
  const timed = async (kind: 'drag' | 'pan', gesture: () => Promise<number[]>) => {
    let frames: number[] = []
    await run(kind, async () => {
      frames = await gesture()
      return frames
    })
    into[kind].push(...frames)
  }
  const node = await centralNode(page)
  const before = await nodeTransform(page, node.id)
  await timed('drag', () =>
    gesture(page, node.at, direction, `.react-flow__node[data-id="${node.id}"]`),
  )
  // Each gesture must have done what it is named for, on both pages.
  if ((await nodeTransform(page, node.id)) === before) {
    throw new Error(`The drag did not move node ${node.id}`)
  }
  // The drag's end writes the position to the document; let that settle.
  await page.waitForTimeout(300)
  const from = await panPoint(page)
  if (from) {
    const view = await viewportTransform(page)
    await timed('pan', () => gesture(page, from, direction, '.react-flow__viewport'))
    if ((await viewportTransform(page)) === view) throw new Error('The pan did not move')
  }
  await page.waitForTimeout(300)
}

function empty(): GestureFrames {
  return { drag: [], pan: [] }
}

async function buildFlowPage(flowDir: string): Promise<void> {
  await build({
    root: join(studioRoot, 'bench'),
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    build: {
      outDir: flowDir,
      emptyOutDir: true,
      rolldownOptions: { input: join(studioRoot, 'bench/flow.html') },
    },
  })
}

/** The project's nodes and edges as bare React Flow gets them (default node: its role). */
function bareGraph(project: DocHandle<ProjectDoc>, size: { width: number; height: number }) {
  const doc = project.doc()
  const nodes = Object.entries(doc.actors).map(([id, actor]) => ({
    id,
    label: actor.role,
    x: actor.position.x,
    y: actor.position.y,
  }))
  const edges = Object.entries(doc.actors).flatMap(([from, actor]) => [
    ...actor.subscriptions.map((to) => ({ id: `sub:${from}>${to}`, source: from, target: to })),
    ...actor.children.map((to) => ({ id: `child:${from}>${to}`, source: from, target: to })),
  ])
  return { width: size.width, height: size.height, nodes, edges }
}
