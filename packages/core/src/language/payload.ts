import type { Json, JsonObject } from '../model/json'
import { isSafeKey, stripUnsafeKeys } from '../safety/keys'
import { refuseCode } from './bindings'
import { classifyString } from './code-strings'
import { evaluate } from './expressions'
import { resolvePath, type Scope } from './paths'
import { isPlainObject } from './values'

/** The form field an `input`/`change` event reports, and the path its `bindings.value` edits. */
export type PayloadField = { value: Json; bindingPath?: string; eventName: string }

const resolvedPrefixes = ['item.', 'context.', 'dependencies.', 'payload.']
const fieldEvents = new Set(['input', 'change'])

function readPathString(path: string, scope: Scope): Json {
  const kind = classifyString(path)
  if (kind === 'code') refuseCode(path)
  if (kind === 'literal') return path
  return resolvePath(scope, path) ?? null
}

function resolveObject(spec: JsonObject, scope: Scope): JsonObject {
  const out: JsonObject = {}
  for (const key of Object.keys(spec)) {
    if (!isSafeKey(key)) continue
    const value = spec[key] as Json
    if (typeof value === 'string') {
      const kind = classifyString(value)
      if (kind === 'code') refuseCode(value)
      const isPath = kind === 'path' && resolvedPrefixes.some((p) => value.startsWith(p))
      out[key] = isPath ? (resolvePath(scope, value) ?? null) : value
    } else {
      // Troupe extension: nested `$` expressions are evaluated; other values stay literal.
      out[key] = evaluate(value, scope)
    }
  }
  return out
}

function fieldKey(bindingPath: string | undefined): string {
  const last = bindingPath?.split('.').pop()
  return last && isSafeKey(last) ? last : 'value'
}

/**
 * Builds a message payload from an event binding's `payload`, following VIEW-FORMAT.md:
 * a string is a path (`….id` / `…Id` gives `{ id }`); in an object, top-level strings starting
 * with item./context./dependencies./payload. are read; `input`/`change` add the field value
 * under the last segment of `bindings.value`. No payload gives `{}`. A non-object payload
 * with a field value becomes `{ value: <payload>, <key>: <field value> }`.
 */
export function resolvePayload(
  spec: string | JsonObject | undefined,
  scope: Scope,
  field?: PayloadField,
): Json {
  let base: Json
  if (spec === undefined) base = {}
  else if (typeof spec === 'string') {
    const value = readPathString(spec, scope)
    const isIdPath = classifyString(spec) === 'path' && /(\.id|Id)$/.test(spec)
    base = isIdPath ? { id: value } : value
  } else base = resolveObject(spec, scope)

  if (field && fieldEvents.has(field.eventName)) {
    const key = fieldKey(field.bindingPath)
    base = isPlainObject(base)
      ? { ...base, [key]: field.value }
      : { value: base, [key]: field.value }
  }
  return stripUnsafeKeys(base)
}
