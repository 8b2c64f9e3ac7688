import { parseArgs } from 'node:util'
import { type AppScope, appScopes } from '@troupe/documents'
import type { Io } from '../io'
import { UsageError } from '../read-file'
import { publishCommand } from './publish'

/** `troupe publish …` flags (flags win over TROUPE_SERVER / TROUPE_TOKEN / TROUPE_DATA). */
export function publishFromArgs(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      note: { type: 'string' },
      scope: { type: 'string' },
      server: { type: 'string' },
      token: { type: 'string' },
      data: { type: 'string' },
    },
  })
  if (positionals.length !== 1) throw new UsageError('publish takes one project file or URL')
  if (values.scope !== undefined && !appScopes.includes(values.scope as AppScope))
    throw new UsageError('--scope is "visitor" (state per visitor) or "shared"')
  const server = values.server ?? (values.data ? undefined : process.env.TROUPE_SERVER)
  const token = values.token ?? process.env.TROUPE_TOKEN
  return publishCommand(
    {
      source: positionals[0] as string,
      ...(values.slug ? { slug: values.slug } : {}),
      ...(values.note ? { note: values.note } : {}),
      ...(values.scope ? { scope: values.scope as AppScope } : {}),
      ...(server ? { server } : {}),
      ...(token ? { token } : {}),
      ...(values.data ? { dataDir: values.data } : {}),
    },
    io,
  )
}
