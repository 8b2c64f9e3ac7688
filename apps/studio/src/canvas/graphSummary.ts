import { type ActorDefinition, isBuiltInSkill, isLeaf, type View } from '@troupe/core'

/**
 * What the canvas says about an actor at a glance. "Receives" is the list of message types
 * that can arrive in its inbox: the event types raised by the views of every actor that
 * subscribes it (including itself when it subscribes to itself). That is what the runtime
 * will deliver, so it is what the builder needs to handle; a type with no built-in or project
 * skill is marked unhandled. `@actor/emit` re-raises arbitrary types at run time and is not
 * followed here.
 */
export interface ActorSummary {
  subscriptionCount: number
  childCount: number
  receives: string[]
  unhandled: string[]
}

type Linked = Pick<ActorDefinition, 'view' | 'subscriptions' | 'children'>

const sentCache = new WeakMap<object, readonly string[]>()

/**
 * Event types a view raises (`events.<name>.event`, at any depth, foreach templates and
 * composite children included), sorted. Cached by view object: Automerge keeps unchanged
 * views the same object between snapshots, so a change elsewhere costs nothing here.
 */
export function sentEventTypes(view: View): readonly string[] {
  const cached = sentCache.get(view)
  if (cached) return cached
  const found = new Set<string>()
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const entry of node) walk(entry)
      return
    }
    if (typeof node !== 'object' || node === null) return
    const record = node as Record<string, unknown>
    const events = record.events
    if (typeof events === 'object' && events !== null && !Array.isArray(events)) {
      for (const binding of Object.values(events)) {
        const type = (binding as { event?: unknown } | null)?.event
        if (typeof type === 'string' && type) found.add(type)
      }
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'events') walk(value)
  }
  walk(view)
  const result = [...found].sort()
  sentCache.set(view, result)
  return result
}

/** Message types each actor receives, by actor id (see ActorSummary). */
export function receivedTypes(actors: Record<string, Linked>): Map<string, string[]> {
  const byTarget = new Map<string, Set<string>>()
  for (const sender of Object.values(actors)) {
    const types = sentEventTypes(sender.view)
    if (!types.length) continue
    for (const target of sender.subscriptions) {
      let set = byTarget.get(target)
      if (!set) {
        set = new Set()
        byTarget.set(target, set)
      }
      for (const type of types) set.add(type)
    }
  }
  const result = new Map<string, string[]>()
  for (const [id, set] of byTarget) result.set(id, [...set].sort())
  return result
}

/** The summary of one actor, given what it receives and the project's skill names. */
export function summarize(
  actor: Linked,
  receives: readonly string[],
  projectSkills: Record<string, unknown>,
): ActorSummary {
  return {
    subscriptionCount: actor.subscriptions.length,
    childCount: actor.children.length,
    receives: [...receives],
    unhandled: receives.filter(
      (type) => !isBuiltInSkill(type) && !Object.hasOwn(projectSkills, type),
    ),
  }
}

/** A short name for what kind of actor this is, read from its view. */
export function kindLabel(view: View): string {
  if (isLeaf(view)) return `<${view.tag}>`
  if ('foreach' in view && view.foreach) return 'list (foreach)'
  return 'container'
}
