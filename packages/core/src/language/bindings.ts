import { issueCodes } from '../issues'
import type { Json } from '../model/json'
import { isSafeKey } from '../safety/keys'
import { classifyString, codeStringMessage } from './code-strings'
import { ExpressionError } from './errors'
import { evaluate, expressionOperator } from './expressions'
import { resolvePath, type Scope } from './paths'

/** Refuses a JavaScript string with TRP-123 and the `$` form to write instead. */
export function refuseCode(text: string): never {
  throw new ExpressionError(issueCodes.codeExpression, codeStringMessage(text))
}

/**
 * Evaluates a binding (`text`, `class`, `visible`, `disabled`) or a skill payload value: a
 * string that is a data path is read (missing → null), a JavaScript-looking string is refused,
 * other strings are literals; anything else goes through `evaluate`.
 */
export function evaluateBinding(value: Json, scope: Scope): Json {
  if (typeof value !== 'string') return evaluate(value, scope)
  const kind = classifyString(value)
  if (kind === 'path') return resolvePath(scope, value) ?? null
  if (kind === 'code') refuseCode(value)
  return value
}

/**
 * Like `evaluateBinding`, at every depth: used for project-skill step payloads and guards,
 * where `{ "entityData": { "text": "payload.text" } }` should read the path inside.
 */
export function resolveValue(value: Json, scope: Scope): Json {
  if (typeof value === 'string') return evaluateBinding(value, scope)
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, scope))
  if (expressionOperator(value) !== null) return evaluate(value, scope)
  const out: { [key: string]: Json } = {}
  for (const key of Object.keys(value)) {
    if (isSafeKey(key)) out[key] = resolveValue(value[key] as Json, scope)
  }
  return out
}
