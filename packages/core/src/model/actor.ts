import { z } from 'zod'
import { jsonObjectSchema } from './json'
import { viewSchema } from './view'

/** An actor definition: what a project says about one actor. Its running state lives elsewhere. */
export const actorDefinitionSchema = z.object({
  role: z.string().describe('Human-readable role, e.g. "todoList"'),
  context: jsonObjectSchema.describe('Initial state of the actor (any JSON)'),
  view: viewSchema.describe('View JSON: a composite (container/foreach) or a leaf (tag)'),
  subscriptions: z.array(z.string()).describe('Actor ids this actor sends its events to'),
  children: z.array(z.string()).describe('Ordered child actor ids rendered inside this actor'),
  dependencies: z.record(z.string(), z.string()).describe('Named references to other actors'),
})
export type ActorDefinition = z.infer<typeof actorDefinitionSchema>
