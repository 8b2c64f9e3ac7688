import { parseArgs } from 'node:util'

export interface CliOptions {
  port: number
  host: string
  dataDir: string
  /** TROUPE_SAVE_DEBOUNCE_MS: automerge-repo's background save delay (tests stress it). */
  saveDebounceMs?: number
}

export const DEFAULT_PORT = 4321

/** Flags win over environment variables, which win over the defaults. */
export function readOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
    },
    strict: true,
  })
  const portText = values.port ?? env.TROUPE_PORT ?? String(DEFAULT_PORT)
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port / TROUPE_PORT must be a port number (0-65535), got "${portText}"`)
  }
  return {
    port,
    host: values.host ?? env.TROUPE_HOST ?? '127.0.0.1',
    dataDir: values.data ?? env.TROUPE_DATA ?? './data',
    ...(env.TROUPE_SAVE_DEBOUNCE_MS ? { saveDebounceMs: Number(env.TROUPE_SAVE_DEBOUNCE_MS) } : {}),
  }
}
