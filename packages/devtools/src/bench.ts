// `pnpm bench [suite…]`: runs the named benchmark suites (all when none is named), each
// against a baseline measured in the same run, and writes the figures to BENCHMARKS.md.
// A suite may have parts that also run on their own: `studio` is the canvas part
// (`studio-canvas`), the opening and edit-to-preview part (`studio-open`) and the Messages
// panel (`messages`).
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type SuiteReport, writeReport } from './bench/report'

type Suite = () => Promise<SuiteReport>

const suites: Record<string, () => Promise<Suite>> = {
  runtime: async () => (await import('./bench/runtime')).runtimeBench,
  render: async () => (await import('./bench/render')).renderBench,
  publish: async () => (await import('./bench/publish')).publishBench,
  messages: async () => (await import('./bench/messages')).messagesBench,
  'studio-canvas': async () => (await import('./bench/studio')).studioBench,
  'studio-open': async () => (await import('./bench/studio-open-bench')).studioOpenBench,
  server: async () => (await import('./bench/server')).serverBench,
}
const composites: Record<string, string[]> = {
  studio: ['studio-canvas', 'studio-open', 'messages'],
}
/** What `pnpm bench` with no names runs: every part once. */
const everything = Object.keys(suites)

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
const unknown = requested.filter((name) => !(name in suites) && !(name in composites))
const names = requested.length
  ? [...new Set(requested.flatMap((name) => composites[name] ?? [name]))]
  : everything
if (unknown.length) {
  console.error(
    `TRP-904 Unknown benchmark suite: ${unknown.join(', ')}. Suites: ${[...Object.keys(composites), ...everything].join(', ')}.`,
  )
  process.exit(2)
}

let written = 0
for (const name of names) {
  console.log(`\n▶ bench ${name}`)
  const load = suites[name]
  if (!load) continue
  const report = await (await load())()
  if (report.partial) console.log('(a partial run: BENCHMARKS.md left as it was)')
  else {
    writeReport(join(repoRoot, 'BENCHMARKS.md'), report)
    written++
  }
  console.log(report.markdown)
}
console.log(written ? '\nFigures written to BENCHMARKS.md' : '\nNothing written to BENCHMARKS.md')
