import { describe, expect, it } from 'vitest'
import { contextIssues, skillsIssues, viewIssues } from '../src/editor/checks'
import { rangeOfPath } from '../src/editor/markers'
import { projectDoc } from './support'

describe('rangeOfPath: where an issue is in the editor text', () => {
  const text = JSON.stringify({ a: { href: 'javascript:x', list: [1, { deep: true }] } }, null, 2)
  const at = (path: (string | number)[]) => {
    const { offset, length } = rangeOfPath(text, path)
    return text.slice(offset, offset + length)
  }

  it('marks a scalar value itself', () => {
    expect(at(['a', 'href'])).toBe('"javascript:x"')
    expect(at(['a', 'list', 1, 'deep'])).toBe('true')
  })

  it('marks an object or list by its key, not the whole block', () => {
    expect(at(['a', 'list'])).toBe('"list"')
  })

  it('marks the deepest part that exists for a path into something missing', () => {
    expect(at(['a', 'nope', 'x'])).toBe('"a"')
  })

  it('survives text that does not parse', () => {
    expect(rangeOfPath('{ "a": ', ['a'])).toEqual(expect.objectContaining({ offset: 0 }))
  })
})

describe('editor checks', () => {
  const doc = projectDoc({ root: { children: ['child'] }, child: {} })

  it('view: unsafe content (TRP-12x) and placements of missing actors (TRP-110), at view paths', () => {
    const issues = viewIssues(
      {
        container: { layout: 'flex' },
        children: [
          { slot: 'a', leaf: { tag: 'a', attributes: { href: 'javascript:alert(1)' } } },
          { slot: 'ghost', actor: 'ghost' },
          { slot: 'child', actor: 'child' },
        ],
      },
      'root',
      doc,
    )
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['TRP-122', 'children.0.leaf.attributes.href'],
      ['TRP-110', 'children.1.actor'],
    ])
  })

  it('context: an object without prototype keys; missing view switcher actors are warnings', () => {
    expect(contextIssues([1], doc).map((i) => i.code)).toEqual(['TRP-101'])
    const issues = contextIssues(
      JSON.parse('{"__proto__": {}, "viewActors": {"list": "child", "board": "ghost"}}'),
      doc,
    )
    expect(issues.map((i) => [i.code, i.path.join('.'), i.severity ?? 'error'])).toEqual([
      ['TRP-127', '__proto__', 'error'],
      ['TRP-110', 'viewActors.board', 'warning'],
    ])
  })

  it('skills: core checks at paths inside the skills text, and swaps to missing actors', () => {
    const issues = skillsIssues(
      {
        GO: {
          steps: [
            { skill: '@view/swapActors', payload: { targetActorId: 'ghost' } },
            { skill: '@view/swapActors', payload: { targetActorId: 'child' } },
            { skill: '@view/swapActors', payload: { targetActorId: 'payload.id' } },
            { skill: '@nope' },
          ],
        },
      },
      doc,
    )
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['TRP-142', 'GO.steps.3.skill'],
      ['TRP-110', 'GO.steps.0.payload.targetActorId'],
    ])
  })
})
