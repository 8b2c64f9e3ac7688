import { z } from 'zod'
import { jsonSchema } from './json'

/**
 * The view JSON format of ../shared/VIEW-FORMAT.md, as structure only. Safety rules
 * (allow-lists, URLs, JavaScript-string expressions) are checked by `validateView`, which
 * reports every problem with its JSON path; zod here only says what shape a view has, and
 * feeds the JSON Schema that Monaco uses for completion.
 */

/** A value: a literal, a path string where a path is expected, or a `$` expression object. */
export const valueSchema = jsonSchema.describe(
  'A literal, a data path (context.x, item.y, dependencies.a.context.b, payload.z) or an expression object with one $-key',
)

export const eventNames = [
  'click',
  'input',
  'change',
  'submit',
  'blur',
  'focus',
  'keydown',
  'keyup',
  'dragstart',
  'drop',
] as const
export type ViewEventName = (typeof eventNames)[number]

export const eventBindingSchema = z.object({
  event: z.string().min(1).describe('Message type sent to each actor this actor subscribes to'),
  payload: z
    .union([z.string(), z.record(z.string(), valueSchema)])
    .optional()
    .describe(
      'A path string, or an object whose item./context./dependencies./payload. strings are resolved',
    ),
})
export type EventBinding = z.infer<typeof eventBindingSchema>

export const eventsSchema = z.partialRecord(z.enum(eventNames), eventBindingSchema)
export type ViewEvents = z.infer<typeof eventsSchema>

export const bindingsSchema = z.object({
  text: valueSchema.optional(),
  value: z.string().optional().describe('Path of the context field this form field edits'),
  class: valueSchema.optional(),
  visible: valueSchema.optional(),
  disabled: valueSchema.optional(),
})
export type ViewBindings = z.infer<typeof bindingsSchema>

export const attributesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))

export interface LeafNode {
  tag: string
  classes?: string
  attributes?: Record<string, string | number | boolean>
  elements?: (string | LeafNode)[]
  bindings?: ViewBindings
  events?: ViewEvents
}

export const leafSchema: z.ZodType<LeafNode> = z.lazy(() =>
  z.object({
    tag: z.string(),
    classes: z.string().optional(),
    attributes: attributesSchema.optional(),
    elements: z.array(z.union([z.string(), leafSchema])).optional(),
    bindings: bindingsSchema.optional(),
    events: eventsSchema.optional(),
  }),
)

export interface WrapperElement {
  tag: string
  classes?: string
  attributes?: Record<string, string | number | boolean>
  slot?: string
}

export const wrapperElementSchema = z.object({
  tag: z.string(),
  classes: z.string().optional(),
  attributes: attributesSchema.optional(),
  slot: z.string().optional(),
})

export interface ContainerConfig {
  layout: 'grid' | 'flex' | 'content'
  class?: string
  tag?: string
  attributes?: Record<string, string | number | boolean>
}

export const containerSchema = z.object({
  layout: z.enum(['grid', 'flex', 'content']),
  class: z.string().optional(),
  tag: z.string().optional(),
  attributes: attributesSchema.optional(),
})

/** A child entry of a composite: a nested composite, a leaf, or (Troupe) an explicit child-actor placement. */
export type ChildEntry =
  | { slot: string; composite: CompositeNode }
  | { slot: string; leaf: LeafNode }
  | { slot: string; actor: string }

export interface ForeachConfig {
  items: string
  key?: string
  composite?: CompositeNode
  leaf?: LeafNode
}

export interface CompositeNode {
  container?: ContainerConfig
  children?: ChildEntry[]
  foreach?: ForeachConfig
  elements?: WrapperElement[]
  events?: ViewEvents
  bindings?: Pick<ViewBindings, 'visible' | 'disabled'>
}

export const childEntrySchema: z.ZodType<ChildEntry> = z.lazy(() =>
  z.union([
    z.object({ slot: z.string(), composite: compositeSchema }),
    z.object({ slot: z.string(), leaf: leafSchema }),
    z.object({ slot: z.string(), actor: z.string() }),
  ]),
)

export const foreachSchema: z.ZodType<ForeachConfig> = z.lazy(() =>
  z.object({
    items: z.string(),
    key: z.string().optional(),
    composite: compositeSchema.optional(),
    leaf: leafSchema.optional(),
  }),
)

export const compositeSchema: z.ZodType<CompositeNode> = z.lazy(() =>
  z.object({
    container: containerSchema.optional(),
    children: z.array(childEntrySchema).optional(),
    foreach: foreachSchema.optional(),
    elements: z.array(wrapperElementSchema).optional(),
    events: eventsSchema.optional(),
    bindings: bindingsSchema.pick({ visible: true, disabled: true }).optional(),
  }),
)

export type View = CompositeNode | LeafNode

export const viewSchema: z.ZodType<View> = z.union([leafSchema, compositeSchema])

export function isLeaf(view: View): view is LeafNode {
  return (
    typeof (view as LeafNode).tag === 'string' && !('container' in view) && !('foreach' in view)
  )
}

export function isComposite(view: View): view is CompositeNode {
  return 'container' in view || 'foreach' in view
}
