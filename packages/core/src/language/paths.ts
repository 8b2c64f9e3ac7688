import type { Json, JsonObject } from '../model/json'
import { isSafeKey } from '../safety/keys'

/** What a path or expression can read. `now` lets the runtime pin the clock for `$now`. */
export type Scope = {
  context?: JsonObject
  item?: Json
  payload?: Json
  dependencies?: Record<string, Json>
  now?: () => number
}

export const pathRoots = ['context', 'item', 'payload', 'dependencies'] as const
export type PathRoot = (typeof pathRoots)[number]

/** One path segment: no spaces, brackets, quotes or operator characters. */
const segment = String.raw`[^\s.()[\]!=<>&|?:+*/%'"\x60,;{}]+`
const pathPattern = new RegExp(String.raw`^(context|item|payload|dependencies)(\.${segment})*$`)

/** True for a clean data path such as `context.queries.todos.items` or `item`. */
export function isDataPath(text: string): boolean {
  return pathPattern.test(text)
}

/**
 * Walks `segments` from `start` inside `value`. Own properties only, so `constructor` or
 * `__proto__` can never hand out a prototype; numeric segments index lists.
 */
export function readSegments(
  value: Json | undefined,
  segments: readonly string[],
  start = 0,
): Json | undefined {
  let current: Json | undefined = value
  for (let i = start; i < segments.length; i++) {
    const key = segments[i] as string
    if (current === null || current === undefined || typeof current !== 'object') return undefined
    if (!isSafeKey(key)) return undefined
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(key)) return undefined
      current = current[Number(key)]
    } else {
      current = Object.hasOwn(current, key) ? current[key] : undefined
    }
  }
  return current
}

function rootValue(scope: Scope, root: string): Json | undefined {
  switch (root) {
    case 'context':
      return scope.context
    case 'item':
      return scope.item
    case 'payload':
      return scope.payload
    case 'dependencies':
      return scope.dependencies
    default:
      return undefined
  }
}

/** Reads a dot path from the scope; `undefined` when any step is missing. */
export function resolvePath(scope: Scope, path: string): Json | undefined {
  const segments = path.split('.')
  return readSegments(rootValue(scope, segments[0] ?? ''), segments, 1)
}

/** Reads a dot path without a root inside any JSON value (used by `$get`). */
export function readPath(value: Json | undefined, path: string): Json | undefined {
  if (path === '') return value
  return readSegments(value, path.split('.'))
}
