import { describe, expect, test } from 'vitest'
import { summarizeTrace, type TraceEvent } from '../src/bench/frame-trace'

/**
 * The breakdown `TROUPE_BENCH_TRACE=1 pnpm bench studio-canvas` prints: each event's own CPU
 * time (its children's taken out), on the traced page's main thread (the busiest renderer
 * main thread), and the other threads' busy time apart.
 */
const thread = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
})
const work = (
  pid: number,
  tid: number,
  name: string,
  ts: number,
  dur: number,
  tdur = dur,
): TraceEvent => ({ name, ph: 'X', pid, tid, ts, dur, tdur })

describe('trace breakdown', () => {
  test('self CPU time per event on the busiest main thread; other threads apart', () => {
    const breakdown = summarizeTrace({
      traceEvents: [
        thread(1, 1, 'CrRendererMain'),
        thread(2, 1, 'CrRendererMain'),
        thread(1, 7, 'ThreadPoolForegroundWorker3'),
        // A task of 10 ms wall, 8 ms CPU: 5 ms of script in it, 2 ms of paint after.
        work(1, 1, 'RunTask', 0, 10_000, 8_000),
        work(1, 1, 'FunctionCall', 1_000, 5_000),
        work(1, 1, 'Paint', 7_000, 2_000),
        // A second task starting as the first ends is not its child.
        work(1, 1, 'RunTask', 10_000, 1_500),
        // Another page's renderer, less busy.
        work(2, 1, 'RunTask', 0, 3_000),
        work(1, 7, 'RasterTask', 0, 4_000),
        work(1, 7, 'DisplayItemList::Raster', 500, 3_000),
      ],
    })
    expect(breakdown.main).toEqual([
      ['(main thread busy)', 9.5],
      ['FunctionCall', 5],
      ['RunTask', 2.5],
      ['Paint', 2],
    ])
    expect(breakdown.threads).toEqual([
      ['ThreadPoolForegroundWorker', 4],
      ['CrRendererMain (other renderers)', 3],
    ])
    expect(breakdown.elsewhere).toEqual([
      ['ThreadPoolForegroundWorker: DisplayItemList::Raster', 3],
      ['ThreadPoolForegroundWorker: RasterTask', 1],
    ])
  })
})
