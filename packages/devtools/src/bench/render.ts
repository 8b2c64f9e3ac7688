import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { chromium } from 'playwright-core'
import { build } from 'vite'
import { chromiumArgs, chromiumPath } from '../chromium.mjs'
import type { SuiteReport } from './report'
import { table } from './report'
import { fixed, median, ratio } from './stats'

/**
 * `pnpm bench render`: the renderer's page (packages/renderer/bench) built for production with
 * Vite, opened in headless Chromium; a 1,000-item foreach mounted, one item updated and one
 * appended, each timed to the DOM commit, beside a hand-written React list of the same markup
 * in the same page. The two alternate run by run so both see the same machine state.
 */
const pageDir = fileURLToPath(new URL('../../../renderer/bench/', import.meta.url))
const warmups = 5
const runs = 25
const steps = ['mount', 'update', 'append'] as const
interface Times {
  mount: number
  update: number[]
  append: number[]
}

interface BenchWindow {
  renderBench: {
    troupe(): Times
    handWritten(): Times
    firstRows(): { troupe: string; hand: string }
  }
}

export async function renderBench(): Promise<SuiteReport> {
  const outDir = mkdtempSync(join(tmpdir(), 'troupe-bench-render-'))
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
  })
  let server: Server | undefined
  try {
    await build({
      root: pageDir,
      configFile: false,
      logLevel: 'warn',
      mode: 'production',
      plugins: [react()],
      build: { outDir, emptyOutDir: true },
    })
    server = await serve(outDir)
    const page = await browser.newPage()
    page.on('pageerror', (error) => console.error('bench page error:', error.message))
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    await page.waitForFunction(() => 'renderBench' in globalThis)

    const rows = await page.evaluate(() =>
      (globalThis as unknown as BenchWindow).renderBench.firstRows(),
    )
    if (rows.troupe !== rows.hand) {
      throw new Error(
        `The two lists' markup differs:\n  troupe ${rows.troupe}\n  hand   ${rows.hand}`,
      )
    }

    const samples = { troupe: [] as Times[], hand: [] as Times[] }
    for (let i = 0; i < warmups + runs; i++) {
      const pair = await page.evaluate(() => {
        const bench = (globalThis as unknown as BenchWindow).renderBench
        return { troupe: bench.troupe(), hand: bench.handWritten() }
      })
      if (i < warmups) continue
      samples.troupe.push(pair.troupe)
      samples.hand.push(pair.hand)
    }

    const medianOf = (list: Times[], step: keyof Times) => median(list.flatMap((t) => t[step]))
    const body = steps.map((step) => {
      const troupe = medianOf(samples.troupe, step)
      const hand = medianOf(samples.hand, step)
      return [step, fixed(troupe, 2), fixed(hand, 2), ratio(troupe, hand)]
    })
    const version = await browser.version()
    return {
      suite: 'render',
      title: 'Renderer: a 1,000-item foreach beside a hand-written React list',
      command: 'pnpm bench render',
      markdown: [
        table(['step', 'Troupe ms (median)', 'hand-written ms (median)', 'Troupe / hand'], body),
        '',
        `Chromium ${version}, headless; production React build; median of ${runs} runs after ${warmups} warm-ups (update and append: of 10 repetitions in each run), the two lists alternating; the page is cross-origin isolated, so \`performance.now()\` resolves to 5 µs. Each step is timed from the render call to the return of \`flushSync\`, i.e. to the DOM commit. The rows' markup is checked identical before timing, and every step checks the DOM shows its change.`,
        '',
        '- **mount**: 1,000 entities of one schema, rendered through `context.queries` and a keyed `foreach` (Troupe) or `items.map` over memoised rows (hand-written).',
        '- **update**: one entity changed in a new snapshot that shares the other 999 (Troupe) or one array element replaced (hand-written).',
        '- **append**: one entity / element added.',
        '- Goal (issue 4): within 2x of the hand-written list.',
      ].join('\n'),
    }
  } finally {
    server?.close()
    await browser.close()
    rmSync(outDir, { recursive: true, force: true })
  }
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** The built page over HTTP on a free port (module scripts do not load from file://). */
export function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname)
    const file = join(dir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(dir)) {
      res.writeHead(404).end()
      return
    }
    const stream = createReadStream(file)
    stream.on('error', () => res.writeHead(404).end())
    stream.on('open', () => {
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        // Cross-origin isolation: performance.now() then resolves to 5 µs instead of 100 µs.
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      })
      stream.pipe(res)
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}
