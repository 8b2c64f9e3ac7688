import { fileURLToPath } from 'node:url'
import { openBenchPage } from './bench-page'
import type { SuiteReport } from './report'
import { table } from './report'
import { fixed, median, percentile } from './stats'

/**
 * `pnpm bench messages`: the studio's Messages list (apps/studio/bench/messages) built for
 * production, in headless Chromium, taking 1,000 messages a second for a few seconds, once
 * per animation frame as the studio's feed delivers them. Baseline in the same run: the same
 * rows rendered without virtualisation. Smooth means frames keep coming at the display rate
 * (p95 interval near 16.7 ms) and no long tasks.
 */
const pageDir = fileURLToPath(new URL('../../../../apps/studio/bench/messages/', import.meta.url))
const seconds = 5
const rate = 1_000
const rounds = 2
type Mode = 'virtual' | 'naive'

interface RunFigures {
  frames: number[]
  longTaskMs: number
  rowsInDom: number
  messages: number
}

export async function messagesBench(): Promise<SuiteReport> {
  const { browser, page, close } = await openBenchPage(pageDir, 'messages', {
    width: 1280,
    height: 800,
  })
  try {
    await page.waitForFunction(() => 'messagesBench' in globalThis)

    const samples: Record<Mode, RunFigures[]> = { virtual: [], naive: [] }
    // Alternating, so both see the same machine state.
    for (let round = 0; round < rounds; round++) {
      for (const mode of ['virtual', 'naive'] as const) {
        const figures = await page.evaluate(
          ([m, s, r]) =>
            (
              globalThis as unknown as {
                messagesBench: { run(mode: string, s: number, r: number): Promise<RunFigures> }
              }
            ).messagesBench.run(m, s, r),
          [mode, seconds, rate] as const,
        )
        samples[mode].push(figures)
      }
    }
    const row = (mode: Mode, label: string) => {
      const frames = samples[mode].flatMap((f) => f.frames.slice(5))
      const longTasks = samples[mode].map((f) => f.longTaskMs)
      return [
        label,
        fixed(median(frames), 1),
        fixed(percentile(frames, 95), 1),
        fixed(Math.max(...frames), 1),
        fixed(median(longTasks), 0),
        String(samples[mode][0]?.rowsInDom ?? 0),
      ]
    }
    const version = await browser.version()
    return {
      suite: 'messages',
      title: 'Studio Messages panel: 1,000 messages a second',
      command: 'pnpm bench studio (this part alone: pnpm bench messages)',
      markdown: [
        table(
          [
            'list',
            'frame interval ms (median)',
            'p95',
            'max',
            'long tasks ms per run (median)',
            'rows in DOM at end',
          ],
          [
            row('virtual', 'Messages list (virtualised)'),
            row('naive', 'every row rendered (baseline)'),
          ],
        ),
        '',
        `Chromium ${version}, headless; production React build; ${rounds} runs of each list, alternating, each ${seconds} s at ${rate.toLocaleString('en')} messages/s (${(seconds * rate).toLocaleString('en')} messages per run). The list takes new messages once per animation frame, as the studio's message feed announces them; frame intervals are measured with requestAnimationFrame for the whole run, long tasks with PerformanceObserver.`,
        '',
        '- Goal (issue 7): the panel stays smooth at 1,000 messages a second: frame intervals stay at the display rate and no long tasks, while the baseline degrades as rows pile up.',
      ].join('\n'),
    }
  } finally {
    await close()
  }
}
