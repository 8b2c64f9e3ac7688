import { actorSkills } from './actor'
import { entitySkills } from './entity'
import { inputSkills } from './input'
import type { Skill } from './types'
import { uiSkills } from './ui'
import { viewSkills } from './view'

/** Every built-in skill by message type (the table in VIEW-FORMAT.md). */
export const builtInSkills: Readonly<Record<string, Skill>> = Object.freeze({
  ...inputSkills,
  ...entitySkills,
  ...viewSkills,
  ...uiSkills,
  ...actorSkills,
})

export function builtInSkill(type: string): Skill | undefined {
  return Object.hasOwn(builtInSkills, type) ? builtInSkills[type] : undefined
}
