import { z } from 'zod'

/** Any JSON value. Context, payloads and entities are plain JSON: no functions, no undefined. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export const jsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(jsonSchema),
    z.record(z.string(), jsonSchema),
  ]),
)

export const jsonObjectSchema = z.record(z.string(), jsonSchema)
