import { describe, expect, it } from 'vitest'
import { skillsJsonSchema, validateSkills } from '../src/index'

describe('validateSkills: a project skills editor checks its text with this', () => {
  it('accepts well-formed skills', () => {
    const skills = {
      INCREMENT: {
        steps: [
          {
            skill: '@input/updateContext',
            payload: { count: { $add: [{ $: 'context.count' }, 1] } },
          },
        ],
      },
    }
    expect(validateSkills(skills)).toEqual({ ok: true, skills })
  })

  it('reports every problem with its path from `skills`', () => {
    const result = validateSkills({
      '@input/mine': { steps: [{ skill: '@nope/x' }] },
      ADD: { steps: [{ skill: '@input/updateContext', payload: { x: "item.a === 'b'" } }] },
      BAD: { when: { $foo: 1 }, steps: [] },
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['TRP-143', 'skills.@input/mine'],
      ['TRP-142', 'skills.@input/mine.steps.0.skill'],
      ['TRP-123', 'skills.ADD.steps.0.payload.x'],
      ['TRP-125', 'skills.BAD.when'],
    ])
  })

  it('reports shape errors (TRP-101) and prototype keys (TRP-127)', () => {
    const result = validateSkills({
      A: { steps: 'no' },
      B: JSON.parse('{"__proto__": {}, "steps": []}'),
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['TRP-127', 'skills.B.__proto__'],
      ['TRP-101', 'skills.A.steps'],
    ])
  })
})

describe('skillsJsonSchema', () => {
  it('is generated from the model, with descriptions and the built-in skills as examples', () => {
    const text = JSON.stringify(skillsJsonSchema())
    expect(text).toContain('Guard expression; the skill runs only when it is truthy')
    expect(text).toContain('"examples":["@input/updateContext"')
  })
})
