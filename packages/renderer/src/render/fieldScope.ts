import { isSafeKey, type Json, type JsonObject, type Scope } from '@troupe/core'

/**
 * The scope with `path` (a `context.` path) set to `value`. A bound field resolves its own
 * events (Enter in an input, say) against what the user sees, not against a context that
 * may still be waiting for the field's last keystroke to come back.
 */
export function withValueAt(scope: Scope, path: string | undefined, value: Json): Scope {
  if (!path?.startsWith('context.')) return scope
  const keys = path.split('.').slice(1)
  if (keys.length === 0 || !keys.every(isSafeKey)) return scope
  const context = setIn(scope.context ?? {}, keys, value)
  return context && typeof context === 'object' && !Array.isArray(context)
    ? { ...scope, context }
    : scope
}

function setIn(target: Json | undefined, keys: string[], value: Json): Json {
  const [key, ...rest] = keys
  if (key === undefined) return value
  if (Array.isArray(target) && /^\d+$/.test(key)) {
    const copy = target.slice()
    copy[Number(key)] = setIn(target[Number(key)], rest, value)
    return copy
  }
  const base: JsonObject =
    target && typeof target === 'object' && !Array.isArray(target) ? target : {}
  return { ...base, [key]: setIn(Object.hasOwn(base, key) ? base[key] : undefined, rest, value) }
}
