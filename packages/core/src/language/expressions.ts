import { issueCodes, type JsonPath } from '../issues'
import type { Json } from '../model/json'
import { isSafeKey } from '../safety/keys'
import { ExpressionError } from './errors'
import { isKnownOperator, OperandError, operators } from './operators'
import type { Scope } from './paths'

/** The operator key when `value` is an expression object (exactly one key, starting with `$`). */
export function expressionOperator(value: Json | undefined): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  let only: string | null = null
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    if (only !== null) return null
    only = key
  }
  return only?.startsWith('$') ? only : null
}

function evaluateAt(value: Json, scope: Scope, at: JsonPath): Json {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    let out: Json[] | null = null
    for (let i = 0; i < value.length; i++) {
      const before = value[i] as Json
      const after = evaluateAt(before, scope, [...at, i])
      if (after !== before && out === null) out = value.slice(0, i)
      if (out !== null) out.push(after)
    }
    return out ?? value
  }
  const operator = expressionOperator(value)
  if (operator !== null) {
    if (!isKnownOperator(operator)) {
      throw new ExpressionError(
        issueCodes.unknownOperator,
        `unknown operator "${operator}"; see the operators in VIEW-FORMAT.md`,
        at,
      )
    }
    const run = operators[operator]!
    try {
      return run(
        value[operator] as Json,
        (v, sub) => evaluateAt(v, scope, [...at, operator, ...sub]),
        scope,
      )
    } catch (error) {
      // Operand errors carry a path relative to the operator; anchor them here.
      if (error instanceof OperandError) {
        throw new ExpressionError(error.code, error.detail, [...at, operator, ...error.path])
      }
      throw error
    }
  }
  // A plain object: keep it unless one of its values is an expression; never copy unsafe keys.
  let out: { [key: string]: Json } | null = null
  for (const key of Object.keys(value)) {
    const before = value[key] as Json
    if (!isSafeKey(key)) {
      out ??= copyUntil(value, key)
      continue
    }
    const after = evaluateAt(before, scope, [...at, key])
    if (after !== before && out === null) out = copyUntil(value, key)
    if (out !== null) out[key] = after
  }
  return out ?? value
}

function copyUntil(source: { [key: string]: Json }, stop: string): { [key: string]: Json } {
  const out: { [key: string]: Json } = {}
  for (const key of Object.keys(source)) {
    if (key === stop) break
    if (isSafeKey(key)) out[key] = source[key] as Json
  }
  return out
}

/**
 * Evaluates a value of the expression language. Literals come back unchanged (strings are
 * always literals here: paths are read with `{ "$": "path" }`); objects with one `$`-key are
 * operators; lists and objects are walked for nested expressions. Missing paths read as null.
 */
export function evaluate(value: Json, scope: Scope): Json {
  return evaluateAt(value, scope, [])
}
