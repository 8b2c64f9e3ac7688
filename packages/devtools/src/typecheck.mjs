// Type-checks every package with its own tsconfig (core and runtime without the DOM library),
// two at a time to fit the 2-core machines.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { bin, repoRoot, run } from './run.mjs'

const projects = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(repoRoot, group))
    .map((name) => join(group, name))
    .filter((dir) => existsSync(join(repoRoot, dir, 'tsconfig.json'))),
)

const failed = []
const queue = [...projects]
async function worker() {
  for (let dir = queue.shift(); dir; dir = queue.shift()) {
    const code = await run(bin('tsc'), ['-p', join(dir, 'tsconfig.json'), '--pretty'])
    if (code !== 0) failed.push(dir)
    else console.log(`  types ok: ${dir}`)
  }
}
await Promise.all([worker(), worker()])
if (failed.length) {
  console.error(`Type errors in: ${failed.join(', ')}`)
  process.exit(1)
}
