import { runCli } from './cli'
import { processIo } from './io'

// `pnpm troupe <command>`: all logic lives in cli.ts and commands/, which tests call directly.
process.exitCode = await runCli(process.argv.slice(2), processIo)
