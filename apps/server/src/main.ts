import { readOptions } from './options'
import { startServer } from './server'

/** `pnpm --filter @troupe/server start [--port N] [--host H] [--data DIR]`. */
async function main() {
  let options: ReturnType<typeof readOptions>
  try {
    options = readOptions(process.argv.slice(2), process.env)
  } catch (error) {
    console.error((error as Error).message)
    process.exit(2)
  }
  const server = await startServer(options)
  console.log(`Troupe is running at ${server.displayUrl}`)
  console.log(`Documents are stored in ${options.dataDir}`)

  // Ctrl-C / SIGTERM: flush every document to disk before exiting; a second signal forces it.
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) process.exit(1)
    stopping = true
    console.log(`${signal}: saving documents and stopping…`)
    await server.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error) => {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE')
    console.error('That port is in use; choose another with --port or TROUPE_PORT.')
  console.error(error)
  process.exit(1)
})
