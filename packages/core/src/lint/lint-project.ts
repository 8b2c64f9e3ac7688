import { issueCodes, type JsonPath, type TroupeIssue } from '../issues'
import { isDataPath } from '../language/paths'
import { isBuiltInSkill } from '../model/built-in-skills'
import type { Json, JsonObject } from '../model/json'
import type { ProjectDefinition } from '../model/project'

/**
 * Wiring lint: things a valid project may still get wrong, found without running it. Each
 * finding names the actor and the JSON path inside its definition (`view.…`, `subscriptions[2]`)
 * so the studio can show it in place. Pure: reads the definition only.
 *
 * - TRP-401 an event type no built-in or project skill handles (every delivery is "unhandled");
 * - TRP-402 an event raised by an actor that subscribes to nobody (it goes nowhere);
 * - TRP-403/404/405 a subscription, child or dependency naming a missing actor;
 * - TRP-406 a `context.…` binding whose first key is neither in the actor's initial context
 *   nor written anywhere in the project (by `@input/updateContext`, a form field, the runtime);
 * - TRP-407 an actor the root never reaches through children or view placements.
 */
export type LintFinding = TroupeIssue & { actorId: string }

type Definition = Pick<ProjectDefinition, 'root' | 'actors' | 'skills'>

/** Context keys the runtime itself fills or reads. */
const runtimeKeys = new Set(['visible', 'queries'])

export function lintProject(definition: Definition): LintFinding[] {
  const findings: LintFinding[] = []
  const actors = definition.actors
  const exists = (id: string) => Object.hasOwn(actors, id)
  const skills = definition.skills ?? {}
  const handled = (type: string) => isBuiltInSkill(type) || Object.hasOwn(skills, type)
  const written = writtenContextKeys(definition)

  for (const [actorId, actor] of Object.entries(actors)) {
    const add = (code: TroupeIssue['code'], path: JsonPath, message: string) =>
      findings.push({ code, actorId, path, message })
    const views = viewParts(actor.view as unknown as Json, ['view'])

    for (const { type, path } of views.events) {
      if (!handled(type)) {
        add(
          issueCodes.lintUnhandledType,
          path,
          `no skill handles "${type}": every delivery is unhandled`,
        )
      }
      if (actor.subscriptions.length === 0) {
        add(
          issueCodes.lintSenderWithoutSubscribers,
          path,
          `"${type}" goes nowhere: this actor subscribes to nobody (add a subscription, e.g. to itself)`,
        )
      }
    }
    actor.subscriptions.forEach((to, i) => {
      if (!exists(to))
        add(
          issueCodes.lintMissingSubscription,
          ['subscriptions', i],
          `subscribes to missing actor "${to}"`,
        )
    })
    actor.children.forEach((child, i) => {
      if (!exists(child))
        add(issueCodes.lintMissingChild, ['children', i], `child "${child}" does not exist`)
    })
    for (const [name, target] of Object.entries(actor.dependencies)) {
      if (!exists(target)) {
        add(
          issueCodes.lintMissingDependency,
          ['dependencies', name],
          `dependency "${name}" names missing actor "${target}"`,
        )
      }
    }
    for (const { path: read, at } of views.contextReads) {
      const key = read.split('.')[1]
      if (
        key === undefined ||
        Object.hasOwn(actor.context, key) ||
        written.has(key) ||
        runtimeKeys.has(key)
      )
        continue
      add(
        issueCodes.lintUnresolvedBinding,
        at,
        `"${read}" never resolves: "${key}" is not in the initial context and nothing writes it`,
      )
    }
  }

  for (const id of unreachable(definition)) {
    findings.push({
      code: issueCodes.lintUnreachable,
      actorId: id,
      path: [],
      message: `the root "${definition.root}" never reaches this actor: make it a child of a rendered actor, or delete it`,
    })
  }
  return findings
}

interface ViewParts {
  events: { type: string; path: JsonPath }[]
  /** `context.…` paths the view reads, with where. */
  contextReads: { path: string; at: JsonPath }[]
  /** Actor ids the view places (`{ slot, actor }`). */
  placed: string[]
}

/** Walks a view for its event types, context reads and actor placements. */
function viewParts(view: Json, at: JsonPath): ViewParts {
  const parts: ViewParts = { events: [], contextReads: [], placed: [] }
  const walk = (node: Json | undefined, path: JsonPath) => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(child, [...path, i])
      return
    }
    if (!isObject(node)) return
    for (const [key, value] of Object.entries(node)) {
      const here = [...path, key]
      if (key === 'events' && isObject(value)) {
        for (const [name, binding] of Object.entries(value)) {
          const type = isObject(binding) ? binding.event : undefined
          if (typeof type === 'string' && type)
            parts.events.push({ type, path: [...here, name, 'event'] })
        }
      } else if (key === 'bindings' && isObject(value)) {
        for (const [name, binding] of Object.entries(value)) {
          // `value` names the field a form control writes: a write, not a read.
          if (name !== 'value') reads(binding, [...here, name], parts)
        }
      } else if (key === 'foreach' && isObject(value)) {
        reads(value.items, [...here, 'items'], parts)
        walk(value, here)
      } else if (key === 'actor' && typeof value === 'string') {
        parts.placed.push(value)
      } else {
        walk(value, here)
      }
    }
  }
  walk(view, at)
  return parts
}

/** Context paths a binding value reads: a path string at its top, or `{ "$": path }` inside. */
function reads(value: Json | undefined, at: JsonPath, parts: ViewParts): void {
  if (typeof value === 'string') {
    if (isDataPath(value) && value.startsWith('context.'))
      parts.contextReads.push({ path: value, at })
    return
  }
  const inner = (node: Json | undefined, path: JsonPath) => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) inner(child, [...path, i])
    } else if (isObject(node)) {
      for (const [key, child] of Object.entries(node)) {
        if (
          key === '$' &&
          typeof child === 'string' &&
          child.startsWith('context.') &&
          isDataPath(child)
        ) {
          parts.contextReads.push({ path: child, at: [...path, key] })
        } else inner(child, [...path, key])
      }
    }
  }
  inner(value, at)
}

/** Every context key something in the project may write: update payloads and form fields. */
function writtenContextKeys(definition: Definition): Set<string> {
  const keys = new Set<string>()
  const walk = (node: Json | undefined) => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child)
      return
    }
    if (!isObject(node)) return
    const type = node.event ?? node.skill
    if (type === '@input/updateContext' && isObject(node.payload)) {
      for (const key of Object.keys(node.payload)) keys.add(key)
    }
    if (isObject(node.bindings) && typeof node.bindings.value === 'string') {
      const [, key] = node.bindings.value.split('.')
      if (key) keys.add(key)
    }
    for (const child of Object.values(node)) walk(child)
  }
  for (const actor of Object.values(definition.actors)) walk(actor.view as unknown as Json)
  walk((definition.skills ?? {}) as unknown as Json)
  return keys
}

/** Actors the root does not reach through children or actors its views place. */
function unreachable(definition: Definition): string[] {
  const seen = new Set<string>()
  const stack = [definition.root]
  while (stack.length) {
    const id = stack.pop()!
    if (seen.has(id) || !Object.hasOwn(definition.actors, id)) continue
    seen.add(id)
    const actor = definition.actors[id]!
    stack.push(...actor.children, ...viewParts(actor.view as unknown as Json, []).placed)
  }
  return Object.keys(definition.actors).filter((id) => !seen.has(id))
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
