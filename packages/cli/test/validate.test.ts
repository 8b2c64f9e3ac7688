import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ProjectFile } from '@troupe/core'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { fixturePath, troupe } from './run-cli'

// Each case starts the real CLI as a process (tsx + Automerge's wasm): seconds, not ms.
vi.setConfig({ testTimeout: 60_000 })

import { tempDir } from './temp'

const dir = tempDir('validate')
afterAll(() => dir.remove())

const base = (): ProjectFile => ({
  troupe: 1,
  name: 'Base',
  root: 'app',
  actors: {
    app: {
      role: 'root',
      context: { visible: true },
      view: { container: { layout: 'flex' } },
      subscriptions: ['app'],
      children: ['a', 'b'],
      dependencies: {},
    },
    a: {
      role: 'a',
      context: {},
      view: { tag: 'p', elements: ['a'] },
      subscriptions: ['a'],
      children: [],
      dependencies: {},
    },
    b: {
      role: 'b',
      context: {},
      view: { tag: 'p', elements: ['b'] },
      subscriptions: ['b'],
      children: [],
      dependencies: {},
    },
  },
})

let count = 0
function projectFile(change: (p: ProjectFile) => void): string {
  const project = base()
  change(project)
  const path = join(dir.path, `project-${++count}.json`)
  writeFileSync(path, JSON.stringify(project))
  return path
}

describe('troupe validate', () => {
  it('prints OK and exits 0 for a valid project', () => {
    const run = troupe(
      'validate',
      projectFile(() => {}),
    )
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^OK .*3 actors, root "app"/)
  })

  it('accepts every fixture', () => {
    for (const name of ['todo-list', 'view-switcher', 'header']) {
      expect(troupe('validate', fixturePath(name, 'project.json')).status).toBe(0)
    }
  })

  const refusals: [string, (p: ProjectFile) => void, RegExp][] = [
    [
      'a parent-child cycle',
      (p) => {
        p.actors.a!.children = ['b']
        p.actors.b!.children = ['a']
        p.actors.app!.children = []
      },
      /TRP-112 actor "[ab]" at children\[0\]: .*cycle/,
    ],
    [
      'an actor with two parents',
      (p) => {
        p.actors.a!.children = ['b']
      },
      /TRP-111 actor "(a|app)" at children\[\d\]: .*"b".*one parent/,
    ],
    [
      'a reference to a missing actor',
      (p) => {
        p.actors.a!.subscriptions = ['a', 'ghost']
      },
      /TRP-110 actor "a" at subscriptions\[1\]: .*"ghost"/,
    ],
    [
      'a tag outside the allow-list',
      (p) => {
        p.actors.b!.view = { tag: 'script', elements: ['alert(1)'] }
      },
      /TRP-120 actor "b" at view\.tag: .*script/,
    ],
    [
      'a javascript: URL',
      (p) => {
        p.actors.b!.view = {
          tag: 'a',
          attributes: { href: 'javascript:alert(1)' },
          elements: ['x'],
        }
      },
      /TRP-122 actor "b" at view\.attributes\.href/,
    ],
    [
      'a JavaScript-string expression',
      (p) => {
        p.actors.b!.view = { tag: 'p', bindings: { visible: "item.status === 'done'" } }
      },
      /TRP-123 actor "b" at view\.bindings\.visible: .*\$/,
    ],
  ]

  for (const [what, change, expected] of refusals) {
    it(`refuses ${what}, naming the actor and JSON path, exit 1`, () => {
      const run = troupe('validate', projectFile(change))
      expect(run.status).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(expected)
      expect(run.stderr).toMatch(/is refused: \d+ problems?/)
    })
  }

  it('reports invalid JSON with TRP-100 and its line', () => {
    const path = join(dir.path, 'broken.json')
    writeFileSync(path, '{\n  "troupe": 1,\n  "name": \n}')
    const run = troupe('validate', path)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/TRP-100 project: invalid JSON at line \d+/)
  })

  it('exits 2 with usage for a wrong command line or a missing file', () => {
    expect(troupe('validate').status).toBe(2)
    expect(troupe('frobnicate').stderr).toContain('unknown command')
    const missing = troupe('validate', join(dir.path, 'nope.json'))
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('no such file')
  })
})
