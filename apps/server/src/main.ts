import { DataFolderInUse } from '@troupe/documents/node'
import { createLogger } from './logger'
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
  const logger = createLogger()
  // A hostile client must never take the server down; log what slipped through and go on.
  process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled rejection'))
  const server = await startServer({ ...options, logger })
  // One write, so whoever waits for the address line also has the login link.
  console.log(
    [
      `Troupe is running at ${server.displayUrl}`,
      `Log in with ${server.loginUrl}`,
      '  (this link holds the owner token: keep it private; it is stored in the data folder, file owner-token)',
      `Documents are stored in ${options.dataDir}`,
    ].join('\n'),
  )

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
  // A refusal that says what to do (TRP-613, another server holds the data folder) needs no stack.
  if (error instanceof DataFolderInUse) console.error(error.message)
  else console.error(error)
  process.exit(1)
})
