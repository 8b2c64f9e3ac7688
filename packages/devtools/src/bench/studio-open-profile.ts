import { writeFileSync } from 'node:fs'
import type { CDPSession } from 'playwright-core'
import { actorId, leafText } from './studio-graph'
import { openToInteractive } from './studio-open'
import { startStudioBench } from './studio-server'

/**
 * Not a suite: one cold open of the bench project under Chromium's CPU profiler, to see where
 * the time of `pnpm bench studio-open` goes. Run with
 * `TROUPE_BENCH_UNMINIFIED=1 tsx packages/devtools/src/bench/studio-open-profile.ts [actors] [out]`;
 * writes a .cpuprofile (open it in Chromium's DevTools) and prints the functions that took the
 * most time themselves, per window of the open.
 */
const count = Number(process.argv[2] ?? 1000)
const out = process.argv[3] ?? `/tmp/studio-open-${count}.cpuprofile`
const windowMs = Number(process.env.WINDOW_MS ?? 500)
/** TRACE=<file>: also a Chromium trace of the open (layout, style, paint; chrome://tracing). */
const traceOut = process.env.TRACE

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

const bench = await startStudioBench([10, count])
try {
  // A warm-up open, so the profiled one is like the bench's later opens.
  for (const size of [10, count]) {
    const context = await bench.loggedInContext()
    const { graph, url } = bench.seeded(size)
    const clickId = actorId(size - 1)
    await openToInteractive(context, url, {
      nodes: size,
      clickId,
      role: graph.file.actors[clickId]!.role,
      previewText: leafText(size - 1),
    })
    await context.close()
  }
  const context = await bench.loggedInContext()
  const { graph, url } = bench.seeded(count)
  const clickId = actorId(count - 1)
  let profile: Profile | undefined
  let session: CDPSession | undefined
  const times = await openToInteractive(
    context,
    url,
    {
      nodes: count,
      clickId,
      role: graph.file.actors[clickId]!.role,
      previewText: leafText(count - 1),
    },
    {
      before: async (page) => {
        page.on('console', (m) => console.log('page:', m.text()))
        if (traceOut) {
          await bench.browser.startTracing(page, {
            categories: [
              'devtools.timeline',
              'disabled-by-default-devtools.timeline',
              'blink.user_timing',
              'v8.execute',
            ],
          })
        }
        session = await context.newCDPSession(page)
        await session.send('Profiler.enable')
        await session.send('Profiler.setSamplingInterval', { interval: 200 })
        await session.send('Profiler.start')
      },
      after: async () => {
        profile = ((await session!.send('Profiler.stop')) as unknown as { profile: Profile })
          .profile
        if (traceOut) writeFileSync(traceOut, await bench.browser.stopTracing())
      },
    },
  )
  console.log('times', times)
  writeFileSync(out, JSON.stringify(profile))
  summarize(profile!)
  await context.close()
} finally {
  await bench.close()
}

function summarize(profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const label = (n: ProfileNode) => {
    const file = n.callFrame.url.split('/').pop() ?? ''
    return `${n.callFrame.functionName || '(anon)'} ${file}:${n.callFrame.lineNumber + 1}`
  }
  // Profile times are in µs on the monotonic clock; report in ms relative to profile start.
  const windows = new Map<number, Map<string, number>>()
  const total = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let t = profile.startTime
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0
    const node = byId.get(profile.samples[i]!)!
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const name = label(node)
    if (name.startsWith('(idle)')) continue
    const w = Math.floor((t - profile.startTime) / 1000 / windowMs)
    const per = windows.get(w) ?? new Map<string, number>()
    per.set(name, (per.get(name) ?? 0) + dt)
    windows.set(w, per)
    total.set(name, (total.get(name) ?? 0) + dt)
    const seen = new Set<string>()
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const l = label(byId.get(id)!)
      if (seen.has(l)) continue
      seen.add(l)
      inclusive.set(l, (inclusive.get(l) ?? 0) + dt)
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `    ${v.toFixed(1).padStart(7)} ms  ${k}`)
      .join('\n')
  for (const [w, per] of [...windows.entries()].sort((a, b) => a[0] - b[0])) {
    const busy = [...per.values()].reduce((a, b) => a + b, 0)
    console.log(`\n[${w * windowMs}-${(w + 1) * windowMs} ms] busy ${busy.toFixed(0)} ms`)
    console.log(top(per, 12))
  }
  console.log('\nself time, whole open:')
  console.log(top(total, 40))
  console.log('\ninclusive time, whole open:')
  console.log(top(inclusive, 60))
}
