// `npm test`: everything CI checks, in order, on a fresh machine: install, Chromium,
// architecture, types, lint, studio build, then every Vitest project (unit, integration,
// stories in Chromium, end-to-end) in one run, closing with one "N passed, N failed" line.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromiumPath } from './chromium.mjs'
import { bin, ensureInstalled, run, step } from './run.mjs'

const failures = []
async function gate(title, command, args) {
  step(title)
  const code = await run(command, args)
  if (code !== 0) failures.push(title)
  return code
}

if ((await ensureInstalled({ frozen: process.env.CI === 'true' })) !== 0) {
  console.error('TRP-900 Installing dependencies failed. Check the npm registry is reachable.')
  process.exit(1)
}

if (!existsSync(chromiumPath)) {
  step('Installing Chromium from Debian (end-to-end and browser tests need it)')
  const code = await run('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium'])
  if (code !== 0 || !existsSync(chromiumPath)) {
    console.error(
      'TRP-902 Chromium is missing and could not be installed. Run `apt-get install -y chromium` as root, or set TROUPE_CHROMIUM to a Chromium binary.',
    )
    process.exit(1)
  }
}

await gate('Architecture: imports follow docs/ARCHITECTURE.md', 'node', [
  'packages/devtools/src/check-architecture.mjs',
])
await gate('Typecheck (strict, per package)', 'node', ['packages/devtools/src/typecheck.mjs'])
await gate('Lint and format (Biome)', bin('biome'), ['ci', '.'])
await gate('Build the studio and the player (end-to-end tests use the built apps)', bin('pnpm'), [
  '--filter',
  '@troupe/studio',
  '--filter',
  '@troupe/player',
  'build',
])

const report = join(tmpdir(), `troupe-vitest-${process.pid}.json`)
await gate('Tests: unit, integration, stories and end-to-end (Vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
])

let passed = 0
let failed = 0
let skipped = 0
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, 'utf8'))
  passed = result.numPassedTests
  failed = result.numFailedTests
  skipped = result.numPendingTests + (result.numTodoTests ?? 0)
  rmSync(report)
}
if (failures.length) console.log(`\nFailed gates: ${failures.join(', ')}`)
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failures.length || failed ? 1 : 0)
