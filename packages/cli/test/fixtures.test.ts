import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { fixturePath, troupe } from './run-cli'

// Each case starts the real CLI as a process (tsx + Automerge's wasm): seconds, not ms.
vi.setConfig({ testTimeout: 60_000 })

const fixtures = readdirSync(fixturePath()).sort()

describe('troupe run: the seed examples', () => {
  it('has the todo list, view switcher and header fixtures', () => {
    expect(fixtures).toEqual(expect.arrayContaining(['header', 'todo-list', 'view-switcher']))
  })

  for (const name of fixtures) {
    it(`${name}: prints the expected final state`, () => {
      const run = troupe(
        'run',
        fixturePath(name, 'project.json'),
        '--events',
        fixturePath(name, 'events.json'),
      )
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      const expected = JSON.parse(readFileSync(fixturePath(name, 'expected.json'), 'utf8'))
      expect(JSON.parse(run.stdout)).toEqual(expected)
    })
  }
})
