import type { Json } from '@troupe/core'

/**
 * Structural equality for plain JSON. The renderer uses it to skip re-rendering an actor or a
 * foreach row when its data is equal even though the objects are new (a state snapshot that
 * was cloned or re-materialised). Identical references return at once, so structurally
 * shared snapshots cost almost nothing.
 */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !jsonEqual(a[key], b[key])) return false
  }
  return true
}

/** Element-wise `jsonEqual` for the short lists of values a row or an actor depends on. */
export function jsonListEqual(a: readonly (Json | undefined)[], b: readonly (Json | undefined)[]) {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false
  return true
}
