import { z } from 'zod'
import { jsonSchema } from './json'

/** A message as the brief defines it: `{id, type, payload, from, to, timestamp}`. */
export const messageSchema = z.object({
  id: z.string(),
  type: z.string(),
  payload: jsonSchema,
  from: z.string(),
  to: z.string(),
  timestamp: z.number(),
})
export type Message = z.infer<typeof messageSchema>
