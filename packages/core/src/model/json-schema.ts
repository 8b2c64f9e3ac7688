import { z } from 'zod'
import { viewSchema } from './view'

/**
 * JSON Schema for view JSON, generated from the zod model so editors (Monaco) complete and
 * check exactly what the model accepts. Recursive parts become $defs.
 */
export function viewJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(viewSchema, { unrepresentable: 'any' }) as Record<string, unknown>
}
