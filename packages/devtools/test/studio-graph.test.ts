import { checkChildLink, validateProject } from '@troupe/core'
import { describe, expect, test } from 'vitest'
import { benchGraph } from '../src/bench/studio-graph'

describe('the studio bench graph', () => {
  test.each([200, 1_000])('%i actors: a valid project with twice as many links', (count) => {
    const { file, positions, edgeCount } = benchGraph(count)
    expect(validateProject(file).ok).toBe(true)
    const actors = Object.values(file.actors)
    expect(actors).toHaveLength(count)
    const links = actors.reduce((n, a) => n + a.subscriptions.length + a.children.length, 0)
    expect(links).toBe(2 * count)
    expect(edgeCount).toBe(links)
    expect(Object.keys(positions).sort()).toEqual(Object.keys(file.actors).sort())
  })

  test('a tree: every actor but the root has exactly one parent', () => {
    const { file } = benchGraph(1_000)
    const parents = new Map<string, number>()
    for (const actor of Object.values(file.actors)) {
      for (const child of actor.children) parents.set(child, (parents.get(child) ?? 0) + 1)
    }
    expect(parents.size).toBe(999)
    expect([...parents.values()].every((n) => n === 1)).toBe(true)
    expect(parents.has(file.root)).toBe(false)
    expect(checkChildLink(file.actors, 'a1', file.root)).not.toBeNull()
  })
})
