import { fileURLToPath } from 'node:url'
import { openBenchPage } from './bench-page'
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
  const { browser, page, close } = await openBenchPage(pageDir, 'render')
  try {
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
    await close()
  }
}
