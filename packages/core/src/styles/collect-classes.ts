import { classifyString } from '../language/code-strings'
import { readPath } from '../language/paths'
import type { Json, JsonObject } from '../model/json'
import type { ProjectDefinition } from '../model/project'
import { loadFreeClasses } from '../safety/class-tokens'

/**
 * Every class an app's views can put on an element, for compiling a published app's CSS
 * ahead of time: `classes`, `container.class` and wrapper `elements[].classes` as written,
 * and for `bindings.class` every literal string inside the binding (the branches of an `$if`
 * or a `$switch`, a `$concat`'s parts) and, for each `context.` path it reads, that path's
 * value in the actor's initial context. Classes that only ever come from live data cannot be
 * known ahead of time; the live preview compiles from the page instead.
 * Extra tokens are harmless (Tailwind ignores what is not a utility); tokens that could load
 * anything are left out. Sorted, each once.
 */
export function collectClasses(definition: ProjectDefinition): string[] {
  const found = new Set<string>()
  const add = (text: string) => {
    for (const token of loadFreeClasses(text)) found.add(token)
  }
  for (const actor of Object.values(definition.actors)) {
    const context = (actor.context ?? {}) as JsonObject
    walk(actor.view as unknown as Json, (text) => add(text), context)
  }
  return [...found].sort()
}

function walk(node: Json | undefined, add: (text: string) => void, context: JsonObject): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, add, context)
    return
  }
  if (!node || typeof node !== 'object') return
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'classes' || key === 'class') && typeof value === 'string') add(value)
    else if (key === 'bindings' && value && typeof value === 'object' && !Array.isArray(value)) {
      bindingStrings(value.class, add, context)
    } else if (key !== 'attributes') walk(value, add, context)
  }
}

function bindingStrings(value: Json | undefined, add: (text: string) => void, context: JsonObject) {
  if (typeof value === 'string') {
    if (classifyString(value) === 'path') addInitial(value, add, context)
    else add(value)
  } else if (Array.isArray(value)) {
    for (const v of value) bindingStrings(v, add, context)
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      // `{ "$": "context.tone" }` reads a path: its text is not a class, its value may be.
      if (key === '$' && typeof v === 'string') addInitial(v, add, context)
      else bindingStrings(v, add, context)
    }
  }
}

/** A `context.` path's value in the actor's initial context, when it is a string. */
function addInitial(path: string, add: (text: string) => void, context: JsonObject) {
  if (!path.startsWith('context.')) return
  const initial = readPath(context, path.slice('context.'.length))
  if (typeof initial === 'string') add(initial)
}
