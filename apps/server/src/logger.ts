import pino, { type Logger } from 'pino'

export type { Logger }

/**
 * Structured logs (one JSON object a line) on stdout, for people and log shippers alike.
 * Login tokens never reach a log: URLs are logged with `token` removed and the
 * Authorization and Cookie headers are never logged.
 */
export function createLogger(level = process.env.TROUPE_LOG_LEVEL ?? 'info'): Logger {
  return pino(
    { level, base: { service: 'troupe-server' } },
    pino.destination({ fd: 1, sync: false }),
  )
}

/** A logger that writes nothing (the default when the server runs inside tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' })
}

export function redactUrl(url: string | undefined): string {
  const parsed = new URL(url ?? '/', 'http://x')
  if (parsed.searchParams.has('token')) parsed.searchParams.set('token', '[redacted]')
  return parsed.pathname + parsed.search
}
