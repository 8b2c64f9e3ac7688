// `npm start`: install what is missing, build the studio, start the server on its embedded
// defaults (port 4321, documents under ./data). Extra flags go to the server:
// `npm start -- --port 5000 --data /tmp/troupe`.
import { bin, ensureInstalled, run, step } from './run.mjs'

const serverArgs = process.argv.slice(2)
const skipBuild = serverArgs.includes('--no-build')

if ((await ensureInstalled({ frozen: false })) !== 0) {
  console.error(
    'TRP-900 Installing dependencies failed. Check the npm registry is reachable, then run npm start again.',
  )
  process.exit(1)
}
if (!skipBuild) {
  step('Building the studio and the player of published apps')
  const filters = ['--filter', '@troupe/studio', '--filter', '@troupe/player']
  if ((await run(bin('pnpm'), [...filters, 'build'])) !== 0) {
    console.error(
      'TRP-901 Building the studio failed; the errors are above. Fix them, then run npm start again.',
    )
    process.exit(1)
  }
}
step('Starting Troupe')
const code = await run(bin('tsx'), [
  'apps/server/src/main.ts',
  ...serverArgs.filter((a) => a !== '--no-build'),
])
process.exit(code)
