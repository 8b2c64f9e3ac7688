import { z } from 'zod'
import { projectSkillsSchema } from '../validate/skills'
import { builtInSkillTypes } from './built-in-skills'
import { viewSchema } from './view'

/**
 * JSON Schema for view JSON, generated from the zod model so editors (Monaco) complete and
 * check exactly what the model accepts. Recursive parts become $defs.
 */
export function viewJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(viewSchema, { unrepresentable: 'any' }) as Record<string, unknown>
}

/**
 * JSON Schema for a project's `skills` (project-defined skills by name), generated from the
 * zod model like the view's. A step's `skill` also lists the built-in types as examples, so
 * the editor completes them; the model keeps it a string so an unknown one is reported with
 * its own code (TRP-142) instead of a bare schema error.
 */
export function skillsJsonSchema(): Record<string, unknown> {
  type Node = { properties?: Record<string, Node>; items?: Node; additionalProperties?: Node }
  const schema = z.toJSONSchema(projectSkillsSchema, { unrepresentable: 'any' }) as Node
  const step = schema.additionalProperties?.properties?.steps?.items?.properties?.skill
  if (step) Object.assign(step, { examples: [...builtInSkillTypes] })
  return schema as Record<string, unknown>
}
