import type { Json } from '../model/json'

export interface StateChange {
  /** Where, e.g. `actors.form.context.text`. */
  path: string
  before?: Json
  after?: Json
}

/**
 * What changed between two JSON values, as leaf paths with their old and new values: added
 * keys have no `before`, removed keys no `after`. Arrays compare whole (a changed list is one
 * change), which is how a person reads a list of children or a log.
 */
export function stateDiff(
  before: Json | undefined,
  after: Json | undefined,
  path = '',
): StateChange[] {
  // A map that appears or goes is read as its keys appearing or going, so every change is a leaf.
  const bothMaps =
    (isObject(before) || before === undefined) &&
    (isObject(after) || after === undefined) &&
    (isObject(before) || isObject(after))
  if (bothMaps) {
    const a = (before ?? {}) as { [key: string]: Json }
    const b = (after ?? {}) as { [key: string]: Json }
    const out: StateChange[] = []
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const key of [...keys].sort()) {
      out.push(...stateDiff(a[key], b[key], path ? `${path}.${key}` : key))
    }
    return out
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return []
  const change: StateChange = { path }
  if (before !== undefined) change.before = before
  if (after !== undefined) change.after = after
  return [change]
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
