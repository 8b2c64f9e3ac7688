// `pnpm fuzz [--long] [--minutes N] [--seed S] [--steps N] [--websocket]`: the chaos fuzz of
// packages/devtools/src/fuzz. Without --long it replays the regression seeds once (what CI
// runs); with --long it then runs fresh seeds until the minutes are up (default 10),
// printing a line per run and every failing seed. --seed runs that one seed only.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startServer } from '../../../apps/server/src/server'
import { type FuzzResult, runFuzz } from './fuzz/run'
import { regressionSeeds, viewKindSeeds, websocketRegressionSeeds } from './fuzz/seeds'

const { values } = parseArgs({
  options: {
    long: { type: 'boolean' },
    minutes: { type: 'string' },
    seed: { type: 'string' },
    steps: { type: 'string' },
    websocket: { type: 'boolean' },
  },
})
const steps = Number(values.steps ?? 200)
const minutes = Number(values.minutes ?? 10)

// Over websockets, the real server, in this process, on a temporary data folder.
const data = values.websocket ? mkdtempSync(join(tmpdir(), 'troupe-fuzz-')) : undefined
const server = data ? await startServer({ port: 0, dataDir: data, fsync: false }) : undefined
const syncUrl = server?.ownerSyncUrl

const failing: number[] = []
let runs = 0
async function run(seed: number): Promise<void> {
  const started = Date.now()
  const result: FuzzResult = await runFuzz({ seed, steps, ...(syncUrl ? { syncUrl } : {}) })
  runs++
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const figures = `${result.peers} peers, ${result.edits} edits (${result.refused} refused), ${result.delivered} delivered, ${result.reordered} reordered, ${result.dropped} dropped, ${result.linkChanges} link changes, ${seconds} s`
  if (result.problems.length === 0) {
    console.log(`ok   seed ${seed} (${result.transport}): ${figures}`)
    return
  }
  failing.push(seed)
  console.log(`FAIL seed ${seed} (${result.transport}): ${figures}`)
  for (const problem of result.problems.slice(0, 10)) console.log(`     ${problem.split('\n')[0]}`)
}

try {
  if (values.seed !== undefined) await run(Number(values.seed))
  else {
    for (const seed of syncUrl ? [...websocketRegressionSeeds, ...viewKindSeeds] : regressionSeeds)
      await run(seed)
    if (values.long) {
      const until = Date.now() + minutes * 60_000
      // Fresh seeds from the clock, each printed, so any failure can be replayed.
      let seed = Date.now() % 1_000_000_000
      while (Date.now() < until) await run(seed++)
    }
  }
} finally {
  await server?.close()
  if (data) rmSync(data, { recursive: true, force: true })
}
console.log(
  failing.length
    ? `\n${failing.length} of ${runs} runs failed. Replay with pnpm fuzz --seed <S>${syncUrl ? ' --websocket' : ''}, and add the seeds to packages/devtools/src/fuzz/seeds.ts once fixed: ${failing.join(', ')}`
    : `\nAll ${runs} runs held every invariant.`,
)
process.exit(failing.length ? 1 : 0)
