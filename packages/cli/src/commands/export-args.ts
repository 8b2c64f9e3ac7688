import { parseArgs } from 'node:util'
import type { Io } from '../io'
import { UsageError } from '../read-file'
import { exportCommand } from './export'

/** `troupe export …` flags. */
export function exportFromArgs(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      app: { type: 'string' },
      version: { type: 'string' },
      data: { type: 'string' },
    },
  })
  if (!values.out) throw new UsageError('export needs --out DIR')
  if (positionals.length > 1) throw new UsageError('export takes at most one project file')
  const version = values.version === undefined ? undefined : Number(values.version)
  if (version !== undefined && !Number.isInteger(version))
    throw new UsageError('--version is a version number')
  return exportCommand(
    {
      out: values.out,
      ...(positionals[0] ? { projectPath: positionals[0] } : {}),
      ...(values.app ? { app: values.app } : {}),
      ...(version === undefined ? {} : { version }),
      ...(values.data ? { dataDir: values.data } : {}),
    },
    io,
  )
}
