import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { fixturePath, troupe } from './run-cli'
import { tempDir } from './temp'

// Each case starts the real CLI as a process (tsx + Automerge's wasm): seconds, not ms.
vi.setConfig({ testTimeout: 60_000 })

const dir = tempDir('test-command')
afterAll(() => dir.remove())

const read = (name: string, file: string) =>
  JSON.parse(readFileSync(fixturePath(name, file), 'utf8'))

/** The studio's single-file form of one of the CLI's fixture folders. */
function singleFile(name: string, change: (fixture: Record<string, unknown>) => void = () => {}) {
  const fixture: Record<string, unknown> = {
    troupeTest: 1,
    name,
    project: read(name, 'project.json'),
    events: read(name, 'events.json'),
    expected: read(name, 'expected.json'),
  }
  change(fixture)
  const path = join(dir.path, `${name}-${Math.random().toString(36).slice(2)}.troupe-test.json`)
  writeFileSync(path, JSON.stringify(fixture))
  return path
}

describe('troupe test', () => {
  it('passes the CLI fixture folders and their single-file form', () => {
    const run = troupe(
      'test',
      fixturePath('header'),
      fixturePath('todo-list'),
      singleFile('view-switcher'),
    )
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^PASS header$/m)
    expect(run.stdout).toMatch(/^PASS todo-list$/m)
    expect(run.stdout).toMatch(/^PASS view-switcher \(view-switcher-\w+\.troupe-test\.json\)$/m)
    expect(run.stdout).toMatch(/Tests: 3 passed, 0 failed/)
    expect(run.status).toBe(0)
  })

  it('reports each difference by path with expected and actual values, and exits 1', () => {
    const path = singleFile('header', (fixture) => {
      const expected = fixture.expected as {
        actors: Record<string, { context: Record<string, unknown> }>
      }
      expected.actors.title!.context.title = 'Not what happens'
      expected.actors.menu!.context.visible = false
    })
    const run = troupe('test', path, fixturePath('header'))
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(
      /^FAIL header .*TRP-420 the final state differs from the expected one in 2 places$/m,
    )
    expect(run.stdout).toContain('  actors.menu.context.visible: expected false, got true')
    expect(run.stdout).toContain(
      '  actors.title.context.title: expected "Not what happens", got "Troupe"',
    )
    expect(run.stdout).toMatch(/^PASS header$/m)
    expect(run.stdout).toMatch(/Tests: 1 passed, 1 failed/)
  })

  it('replays with the ids recorded in the studio, so created entities keep their ids', () => {
    const path = singleFile('todo-list', (fixture) => {
      // As recorded: the studio's runtime gave these ids, in this order.
      fixture.ids = ['m1', 'm2', 'a-recorded']
      fixture.expected = JSON.parse(
        JSON.stringify(fixture.expected).replaceAll('"id-3"', '"a-recorded"'),
      )
    })
    const run = troupe('test', path)
    expect(run.stdout).toMatch(/^PASS todo-list/m)
    expect(run.status).toBe(0)
  })

  it('refuses a file that is not a Troupe test with TRP-421 and what to do', () => {
    const path = join(dir.path, 'not-a-test.json')
    writeFileSync(path, JSON.stringify({ troupe: 1, name: 'a project, not a test' }))
    const run = troupe('test', path)
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(
      /TRP-421 .*not-a-test\.json is not a Troupe test \(troupeTest: .*\); save one with the studio's "Save as test"/,
    )
  })

  it('needs at least one fixture', () => {
    const run = troupe('test')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('test takes one or more fixtures')
  })
})
