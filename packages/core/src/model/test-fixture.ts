import { z } from 'zod'
import { jsonObjectSchema, jsonSchema } from './json'

/**
 * A recorded test as one file (`*.troupe-test.json`): the project as it was when recording
 * started (its state folded in as initial state), the events raised, and the state they led
 * to. One file, because a browser saves a download as one file; `troupe test` also takes a
 * folder with the CLI's `project.json`, `events.json` and `expected.json`.
 *
 * `ids` and `times` are what the runtime's id generator and clock gave during the recording,
 * in order: replaying with them makes entity ids and `$now` values come out the same.
 */
export const testFixtureSchema = z.object({
  troupeTest: z.literal(1),
  name: z.string(),
  project: z.unknown().describe('A project file (troupe: 1), validated as such'),
  events: z.array(
    z.object({ from: z.string(), event: z.string(), payload: jsonSchema.optional() }).strict(),
  ),
  expected: z.object({
    actors: z.record(
      z.string(),
      z.object({ context: jsonObjectSchema, children: z.array(z.string()) }),
    ),
    entities: z.record(z.string(), z.array(jsonObjectSchema)),
  }),
  ids: z.array(z.string()).optional(),
  times: z.array(z.number()).optional(),
})
export type TestFixture = z.infer<typeof testFixtureSchema>
