/**
 * Keys that would reach an object's prototype when assigned with `obj[key] = value`.
 * Context, payloads and entities are user data, so every dynamic key is checked first.
 */
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype'])

export function isSafeKey(key: string): boolean {
  return !unsafeKeys.has(key)
}

/** A copy of `value` without unsafe keys at any depth; returns `value` itself when it has none. */
export function stripUnsafeKeys<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    let changed = false
    const out = value.map((v) => {
      const s = stripUnsafeKeys(v)
      if (s !== v) changed = true
      return s
    })
    return (changed ? out : value) as T
  }
  let changed = false
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key]
    if (!isSafeKey(key)) {
      changed = true
      continue
    }
    const s = stripUnsafeKeys(v)
    if (s !== v) changed = true
    out[key] = s
  }
  return (changed ? out : value) as T
}

/** Every path (from `at`) where an unsafe key sits in `value`. */
export function findUnsafeKeys(
  value: unknown,
  at: (string | number)[] = [],
): (string | number)[][] {
  if (value === null || typeof value !== 'object') return []
  const found: (string | number)[][] = []
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      found.push(...findUnsafeKeys(v, [...at, i]))
    })
    return found
  }
  for (const key of Object.keys(value)) {
    if (!isSafeKey(key)) found.push([...at, key])
    else found.push(...findUnsafeKeys((value as Record<string, unknown>)[key], [...at, key]))
  }
  return found
}
