import { parseArgs } from 'node:util'
import { EXIT_USAGE, type Io } from './io'
import { UsageError } from './read-file'

export const usage = `Usage:
  troupe validate <project.json>
  troupe run <project.json> --events <events.json> [--data DIR]
  troupe test <fixture…>

validate  checks a project file; prints OK, or each problem (TRP code, actor, JSON path)
          on stderr and exits 1.
run       imports the project into an automerge-repo (in memory, or on disk under --data),
          raises each event of the events file ([{ "from", "event", "payload"? }]) and prints
          the final state as JSON: { "actors": { <id>: { "context", "children" } },
          "entities": { <schema>: [ ... ] } }. "context" is the effective context (initial
          context, the instance's writes, queries filled), as the actor's view sees it.
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
