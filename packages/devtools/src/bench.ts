// `pnpm bench [suite…]`: runs the named benchmark suites (all when none is named), each
// against a baseline measured in the same run, and writes the figures to BENCHMARKS.md.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type SuiteReport, writeReport } from './bench/report'

type Suite = () => Promise<SuiteReport>

const suites: Record<string, () => Promise<Suite>> = {
  runtime: async () => (await import('./bench/runtime')).runtimeBench,
  render: async () => (await import('./bench/render')).renderBench,
  publish: async () => (await import('./bench/publish')).publishBench,
  messages: async () => (await import('./bench/messages')).messagesBench,
  studio: async () => (await import('./bench/studio')).studioBench,
  server: async () => (await import('./bench/server')).serverBench,
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
const names = requested.length ? requested : Object.keys(suites)
const unknown = names.filter((name) => !(name in suites))
if (unknown.length) {
  console.error(
    `TRP-904 Unknown benchmark suite: ${unknown.join(', ')}. Suites: ${Object.keys(suites).join(', ')}.`,
  )
  process.exit(2)
}

for (const name of names) {
  console.log(`\n▶ bench ${name}`)
  const load = suites[name]
  if (!load) continue
  const report = await (await load())()
  writeReport(join(repoRoot, 'BENCHMARKS.md'), report)
  console.log(report.markdown)
}
console.log('\nFigures written to BENCHMARKS.md')
