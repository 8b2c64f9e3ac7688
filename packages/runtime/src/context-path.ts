import type { Json, JsonObject } from '@troupe/core'
import { isSafeKey } from '@troupe/core'
import { cloneJson } from './effects'
import { type SkillContext, SkillError } from './skills/types'

/** `context.form.title` or `form.title` → ['form', 'title']; refuses empty and prototype keys. */
export function contextSegments(fieldPath: string): string[] {
  const path = fieldPath.startsWith('context.') ? fieldPath.slice('context.'.length) : fieldPath
  const segments = path.split('.')
  if (segments.some((s) => s === '' || !isSafeKey(s))) {
    throw new SkillError(`"${fieldPath}" is not a context path`)
  }
  return segments
}

function setIn(container: Json | undefined, segments: string[], value: Json): Json {
  const [head, ...rest] = segments as [string, ...string[]]
  const next = (current: Json | undefined) => (rest.length ? setIn(current, rest, value) : value)
  if (Array.isArray(container) && /^\d+$/.test(head)) {
    const copy = [...container]
    copy[Number(head)] = next(container[Number(head)])
    return copy
  }
  const base: JsonObject =
    typeof container === 'object' && container !== null && !Array.isArray(container)
      ? { ...container }
      : {}
  base[head] = next(base[head])
  return base
}

/**
 * Sets a (possibly nested) context path. Effects write whole top-level keys, so a nested
 * path rewrites its top-level value with only that leaf changed.
 */
export function setContextPath(ctx: SkillContext, fieldPath: string, value: Json): void {
  const [top, ...rest] = contextSegments(fieldPath) as [string, ...string[]]
  const current = ctx.context()[top]
  const next = rest.length
    ? setIn(current === undefined ? undefined : cloneJson(current), rest, value)
    : value
  ctx.write({ kind: 'setContext', actorId: ctx.actorId, key: top, value: next })
}
