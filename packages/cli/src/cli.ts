import { parseArgs } from 'node:util'
import { EXIT_USAGE, type Io } from './io'
import { UsageError } from './read-file'

export const usage = `Usage:
  troupe validate <project.json>
  troupe run <project.json> --events <events.json> [--data DIR]
  troupe backup <dir> [--data DIR]
  troupe restore <dir> [--data DIR] [--force]
  troupe publish <project.json | project URL> [--slug NAME] [--note TEXT] [--scope visitor|shared]
                 (--server URL --token TOKEN | --data DIR)
  troupe export (<project.json> | --app SLUG [--version N] --data DIR) --out DIR
  troupe test <fixture…>

validate  checks a project file; prints OK, or each problem (TRP code, actor, JSON path)
          on stderr and exits 1.
run       imports the project into an automerge-repo (in memory, or on disk under --data),
          raises each event of the events file ([{ "from", "event", "payload"? }]) and prints
          the final state as JSON: { "actors": { <id>: { "context", "children" } },
          "entities": { <schema>: [ ... ] } }. "context" is the effective context (initial
          context, the instance's writes, queries filled), as the actor's view sees it.
backup    copies the data folder (--data, else TROUPE_DATA, else ./data, as the server) into the new or
          empty folder <dir>, also while the server runs; writes troupe-backup.json last.
restore   checks the backup in <dir> and puts it in place of the data folder; refuses while a
          server uses it, and a non-empty folder unless --force (which moves the old one aside).
publish   validates the project and publishes it as a new version of the app /apps/<slug>
          on a running server (--server/--token, or TROUPE_SERVER/TROUPE_TOKEN) or into a
          data folder (--data, server stopped); prints { slug, number, path, key? }.
export    writes a static bundle (index.html, assets/, app.css, definition.json) that runs
          from any static file host with state per visitor and no Troupe server.
test      replays recorded tests (a .troupe-test.json from the studio's "Save as test", or a
          folder with project.json, events.json, expected.json) and prints PASS, or FAIL with
          each difference; exits 1 when any differs.`

/** Parses the command line and runs one command; returns the process exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv
    if (command === 'validate') {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} })
      if (positionals.length !== 1) throw new UsageError('validate takes one project file')
      // Loaded on demand: validate needs no Automerge, so it starts faster without it.
      const { validateCommand } = await import('./commands/validate')
      return await validateCommand(positionals[0]!, io)
    }
    if (command === 'run') {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { events: { type: 'string' }, data: { type: 'string' } },
      })
      if (positionals.length !== 1) throw new UsageError('run takes one project file')
      if (!values.events) throw new UsageError('run needs --events <events.json>')
      const { runCommand } = await import('./commands/run')
      return await runCommand(
        {
          projectPath: positionals[0]!,
          eventsPath: values.events,
          ...(values.data ? { dataDir: values.data } : {}),
        },
        io,
      )
    }
    if (command === 'backup' || command === 'restore') {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { data: { type: 'string' }, force: { type: 'boolean' } },
      })
      if (positionals.length !== 1) throw new UsageError(`${command} takes one backup folder`)
      const { DEFAULT_DATA_DIR } = await import('./commands/data-folder')
      const dataDir = values.data ?? process.env.TROUPE_DATA ?? DEFAULT_DATA_DIR
      if (command === 'backup') {
        if (values.force) throw new UsageError('backup has no --force: it writes into a new folder')
        const { backupCommand } = await import('./commands/backup')
        return await backupCommand(positionals[0]!, dataDir, io)
      }
      const { restoreCommand } = await import('./commands/restore')
      return await restoreCommand(positionals[0]!, dataDir, values.force ?? false, io)
    }
    if (command === 'publish') {
      const { publishFromArgs } = await import('./commands/publish-args')
      return await publishFromArgs(rest, io)
    }
    if (command === 'export') {
      const { exportFromArgs } = await import('./commands/export-args')
      return await exportFromArgs(rest, io)
    }
    if (command === 'test') {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} })
      if (positionals.length === 0) throw new UsageError('test takes one or more fixtures')
      const { testCommand } = await import('./commands/test')
      return await testCommand(positionals, io)
    }
    if (command === undefined || command === 'help' || command === '--help') {
      io.out(usage)
      return command === undefined ? EXIT_USAGE : 0
    }
    throw new UsageError(`unknown command "${command}"`)
  } catch (error) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed flags.
    const code = (error as NodeJS.ErrnoException).code
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`troupe: ${(error as Error).message}\n\n${usage}`)
      return EXIT_USAGE
    }
    throw error
  }
}
