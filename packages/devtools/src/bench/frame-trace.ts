import type { Browser, Page } from 'playwright-core'

/**
 * Where a gesture's frames spend their time, from a Chromium trace of it: the renderer main
 * thread's self time per trace event (script, style recalculation, layout, pre-paint, paint,
 * layerizing, hit testing…) and the busy time of the threads that rasterize and composite
 * (headless Chromium here has no GPU: tiles are rasterized in software on worker threads).
 * For `TROUPE_BENCH_TRACE=1 pnpm bench studio-canvas --actors=1000` (studio.ts).
 */
export interface TraceBreakdown {
  /** Main-thread self time (ms) per event name, largest first. */
  main: [string, number][]
  /** Busy time (ms) of each other renderer or GPU-process thread, by thread name. */
  threads: [string, number][]
  /** Self time (ms) per thread name and event name on those other threads, largest first. */
  elsewhere: [string, number][]
}

const categories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'cc',
  'gpu',
  'viz',
  'v8.execute',
  'toplevel',
]

/**
 * Runs `gesture` with the page traced; returns its result and the trace (Chrome's JSON trace
 * format, which DevTools' Performance panel opens).
 */
export async function traceGesture<T>(
  browser: Browser,
  page: Page,
  gesture: () => Promise<T>,
): Promise<{ result: T; trace: Buffer }> {
  await browser.startTracing(page, { categories })
  let result: T
  try {
    result = await gesture()
  } catch (error) {
    await browser.stopTracing()
    throw error
  }
  return { result, trace: await browser.stopTracing() }
}

export interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** CPU time of the thread during the event. */
  tdur?: number
  args?: { name?: string }
}

/**
 * Self times per event name on the busiest renderer main thread (the traced page's), and the
 * busy time of every other named thread (CPU time, see selfTimes).
 */
export function summarizeTrace(
  trace: { traceEvents: TraceEvent[] } | TraceEvent[],
): TraceBreakdown {
  const events = Array.isArray(trace) ? trace : trace.traceEvents
  const threadNames = new Map<string, string>()
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name) {
      threadNames.set(`${event.pid}:${event.tid}`, event.args.name)
    }
  }
  const byThread = new Map<string, TraceEvent[]>()
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue
    const key = `${event.pid}:${event.tid}`
    const list = byThread.get(key) ?? []
    if (!list.length) byThread.set(key, list)
    list.push(event)
  }
  let mainKey = ''
  let mainBusy = -1
  const threads = new Map<string, number>()
  const elsewhere = new Map<string, number>()
  const add = (label: string, busy: number) => threads.set(label, (threads.get(label) ?? 0) + busy)
  let mainSelf = new Map<string, number>()
  for (const [key, list] of byThread) {
    const name = threadNames.get(key) ?? 'unnamed'
    const { self, busy } = selfTimes(list)
    if (name !== 'CrRendererMain') {
      const label = name.replace(/\d+$/, '')
      add(label, busy)
      for (const [event, us] of self) {
        const both = `${label}: ${event}`
        elsewhere.set(both, (elsewhere.get(both) ?? 0) + us)
      }
    } else if (busy <= mainBusy) add('CrRendererMain (other renderers)', busy)
    else {
      if (mainKey) add('CrRendererMain (other renderers)', mainBusy)
      mainKey = key
      mainBusy = busy
      mainSelf = self
    }
  }
  return {
    main: [['(main thread busy)', mainBusy / 1000], ...sortedMs(mainSelf)],
    threads: sortedMs(threads).filter(([, ms]) => ms >= 1),
    elsewhere: sortedMs(elsewhere),
  }
}

/**
 * CPU time per event name on one thread, each event's own (its CPU time minus its
 * children's), and the CPU time of the outermost events (the thread's busy time). CPU time
 * (the trace's thread duration), not wall time: on a shared machine a thread that waits for a
 * core would otherwise count the wait as work.
 */
function selfTimes(list: TraceEvent[]): { self: Map<string, number>; busy: number } {
  // Parents first: by start, and the longer of two events starting together.
  const sorted = [...list].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const self = new Map<string, number>()
  const stack: { name: string; end: number }[] = []
  let busy = 0
  for (const event of sorted) {
    const cpu = event.tdur ?? event.dur ?? 0
    while (stack.length && stack[stack.length - 1]!.end <= event.ts) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - cpu)
    else busy += cpu
    self.set(event.name, (self.get(event.name) ?? 0) + cpu)
    stack.push({ name: event.name, end: event.ts + (event.dur ?? 0) })
  }
  return { self, busy }
}

function sortedMs(times: Map<string, number>): [string, number][] {
  return [...times]
    .map(([name, us]): [string, number] => [name, us / 1000])
    .sort((a, b) => b[1] - a[1])
}

/** The breakdown as text, per pointer move of the gesture: the largest entries only. */
export function formatBreakdown(label: string, breakdown: TraceBreakdown, moves: number): string {
  const line = ([name, ms]: [string, number]) =>
    `    ${(ms / moves).toFixed(2).padStart(8)}  ${name}`
  return [
    `  ${label}: CPU ms per move, main thread self time`,
    ...breakdown.main.slice(0, 16).map(line),
    '  other threads, busy CPU ms per move',
    ...breakdown.threads.slice(0, 8).map(line),
    '  other threads, self CPU ms per move by event',
    ...breakdown.elsewhere.slice(0, 10).map(line),
  ].join('\n')
}
