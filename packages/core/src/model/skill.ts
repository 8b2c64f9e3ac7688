import { z } from 'zod'
import { valueSchema } from './view'

/** A project-defined low-code skill: a guard and a list of built-in skill steps. Never code. */
export const skillStepSchema = z.object({
  skill: z.string().describe('Built-in skill type, e.g. @input/updateContext'),
  payload: valueSchema.optional(),
  when: valueSchema.optional().describe('Optional guard expression for this step'),
})
export type SkillStep = z.infer<typeof skillStepSchema>

export const projectSkillSchema = z.object({
  when: valueSchema.optional().describe('Guard expression; the skill runs only when it is truthy'),
  steps: z
    .array(skillStepSchema)
    .describe('The steps, run in order; each runs one built-in skill on the receiving actor'),
})
export type ProjectSkill = z.infer<typeof projectSkillSchema>
