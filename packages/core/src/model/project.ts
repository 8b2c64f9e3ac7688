import { z } from 'zod'
import { actorDefinitionSchema } from './actor'
import { jsonObjectSchema } from './json'
import { projectSkillSchema } from './skill'

export const DEFAULT_CASCADE_LIMIT = 64
/** Messages per instance document (epoch); see the documents package's epochs.ts. */
export const DEFAULT_EPOCH_SIZE = 10_000

export const projectSettingsSchema = z.object({
  cascadeLimit: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('How many messages one event may cause before the cascade is stopped'),
  epochSize: z
    .number()
    .int()
    .min(2)
    .optional()
    .describe(
      'How many messages one instance document holds before the instance moves on to a new one',
    ),
})

/** The project file format (`troupe: 1`): the portable form of a project's definition. */
export const projectFileSchema = z.object({
  troupe: z.literal(1),
  name: z.string(),
  root: z.string(),
  actors: z.record(z.string(), actorDefinitionSchema),
  skills: z.record(z.string(), projectSkillSchema).optional(),
  entities: z.record(z.string(), z.array(jsonObjectSchema)).optional(),
  settings: projectSettingsSchema.optional(),
})
export type ProjectFile = z.infer<typeof projectFileSchema>

/** What the runtime needs of a project: its actors, skills and settings. */
export type ProjectDefinition = Pick<ProjectFile, 'root' | 'actors' | 'skills' | 'settings'>
