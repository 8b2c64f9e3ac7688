import { stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { type FinalState, formatPath, issueCodes, stateDiff, testFixtureSchema } from '@troupe/core'
import { createNodeRepo } from '@troupe/documents/node'
import { EXIT_OK, EXIT_REFUSED, type Io } from '../io'
import { readInputFile } from '../read-file'
import { type ReplayInput, replay } from '../replay'

interface LoadedFixture {
  name: string
  input: ReplayInput
  expected: FinalState
}

/**
 * `troupe test <fixture…>`: replays each recorded test headlessly (a `*.troupe-test.json`
 * saved by the studio, or a folder with project.json, events.json and expected.json) and
 * compares the final state with the expected one. Prints PASS or FAIL per fixture with every
 * difference by path; exits 1 when any fixture differs or cannot be read.
 */
export async function testCommand(paths: string[], io: Io): Promise<number> {
  let failed = 0
  for (const path of paths) {
    const loaded = await loadFixture(path)
    if ('problem' in loaded) {
      failed++
      io.out(`FAIL ${path}\n  ${loaded.problem}`)
      continue
    }
    const repo = createNodeRepo()
    try {
      const result = replay(repo, loaded.input)
      if (!result.ok) {
        failed++
        io.out(`FAIL ${loaded.name}\n${result.problems.map((p) => `  ${p}`).join('\n')}`)
        continue
      }
      const differences = stateDiff(loaded.expected as never, result.state as never)
      if (differences.length === 0) {
        io.out(`PASS ${loaded.name}`)
        continue
      }
      failed++
      io.out(
        `FAIL ${loaded.name}: ${issueCodes.testDifference} the final state differs from the expected one in ${differences.length} place${differences.length === 1 ? '' : 's'}`,
      )
      for (const change of differences) {
        io.out(
          `  ${change.path || '(whole state)'}: expected ${show(change.before)}, got ${show(change.after)}`,
        )
      }
    } finally {
      await repo.shutdown()
    }
  }
  io.out(`\nTests: ${paths.length - failed} passed, ${failed} failed`)
  return failed ? EXIT_REFUSED : EXIT_OK
}

const show = (value: unknown) => (value === undefined ? '(nothing)' : JSON.stringify(value))

async function loadFixture(path: string): Promise<LoadedFixture | { problem: string }> {
  const info = await stat(path).catch(() => null)
  if (info?.isDirectory()) {
    const file = (name: string) => join(path, name)
    const [project, events, expectedText] = await Promise.all([
      readInputFile(file('project.json'), 'project file'),
      readInputFile(file('events.json'), 'events file'),
      readInputFile(file('expected.json'), 'expected state file'),
    ])
    const expected = parseJson(expectedText)
    if (expected === undefined) return invalid(`${file('expected.json')} is not JSON`)
    return {
      name: basename(path),
      input: {
        project,
        events,
        projectName: file('project.json'),
        eventsName: file('events.json'),
      },
      expected: expected as FinalState,
    }
  }
  const text = await readInputFile(path, 'test fixture')
  const data = parseJson(text)
  if (data === undefined) return invalid(`${path} is not JSON`)
  const parsed = testFixtureSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return invalid(
      `${path} is not a Troupe test (${formatPath(issue.path as (string | number)[]) || 'top level'}: ${issue.message}); save one with the studio's "Save as test"`,
    )
  }
  const fixture = parsed.data
  return {
    name: `${fixture.name} (${basename(path)})`,
    input: {
      project: fixture.project,
      events: fixture.events,
      projectName: `${path} project`,
      eventsName: `${path} events`,
      ...(fixture.ids ? { ids: fixture.ids } : {}),
      ...(fixture.times ? { times: fixture.times } : {}),
    },
    expected: fixture.expected,
  }
}

function invalid(text: string) {
  return { problem: `${issueCodes.testFixtureInvalid} ${text}` }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
