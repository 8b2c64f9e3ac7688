import { issueCodes, type JsonPath } from '../issues'
import type { Json } from '../model/json'
import { ExpressionError } from './errors'
import { formatDate } from './format-date'
import { readPath, resolvePath, type Scope } from './paths'
import {
  compareValues,
  isPlainObject,
  isTruthy,
  jsonEquals,
  toNumberOrNull,
  toText,
} from './values'

/** Evaluates an operand; `at` is its path relative to the operator's argument. */
export type Evaluate = (value: Json, at: JsonPath) => Json

/** An operator receives its argument unevaluated, so `$if`, `$and` and `$or` can short-circuit. */
type Operator = (arg: Json, evaluate: Evaluate, scope: Scope) => Json

/** An operand problem; its path is relative to the operator and is anchored by `evaluate`. */
export class OperandError extends ExpressionError {}

function invalid(message: string, at: JsonPath = []): never {
  throw new OperandError(issueCodes.invalidExpression, message, at)
}

function pair(name: string, arg: Json, evaluate: Evaluate): [Json, Json] {
  if (!Array.isArray(arg) || arg.length !== 2) {
    invalid(`${name} takes a list of two values, e.g. { "${name}": [{ "$": "item.x" }, 1] }`)
  }
  return [evaluate(arg[0] as Json, [0]), evaluate(arg[1] as Json, [1])]
}

function list(name: string, arg: Json, evaluate: Evaluate): Json[] {
  if (!Array.isArray(arg)) invalid(`${name} takes a list of values`)
  return arg.map((v, i) => evaluate(v, [i]))
}

/** Unary operators also accept their operand wrapped in a one-element list. */
function single(arg: Json, evaluate: Evaluate): Json {
  if (Array.isArray(arg) && arg.length === 1) return evaluate(arg[0] as Json, [0])
  return evaluate(arg, [])
}

function field(arg: Json, name: string): Json | undefined {
  return isPlainObject(arg) && Object.hasOwn(arg, name) ? arg[name] : undefined
}

function numberOperand(name: string, value: Json, at: JsonPath): number {
  if (value === null) return 0
  const n = toNumberOrNull(value)
  if (n === null) invalid(`${name} needs numbers, got ${JSON.stringify(value)}`, at)
  return n
}

function finiteOrNull(n: number): Json {
  return Number.isFinite(n) ? n : null
}

function compare(name: string, test: (order: number) => boolean): Operator {
  return (arg, evaluate) => {
    const [a, b] = pair(name, arg, evaluate)
    const order = compareValues(a, b)
    return order === null ? false : test(order)
  }
}

function arithmetic(
  name: string,
  combine: (a: number, b: number) => number,
  start?: number,
): Operator {
  return (arg, evaluate) => {
    if (start === undefined) {
      const [a, b] = pair(name, arg, evaluate)
      return finiteOrNull(combine(numberOperand(name, a, [0]), numberOperand(name, b, [1])))
    }
    const values = list(name, arg, evaluate)
    return finiteOrNull(
      values.reduce<number>((acc, v, i) => combine(acc, numberOperand(name, v, [i])), start),
    )
  }
}

function textOperator(transform: (text: string) => string): Operator {
  return (arg, evaluate) => transform(toText(single(arg, evaluate)))
}

export const operators: Record<string, Operator> = {
  $: (arg, _evaluate, scope) => {
    if (typeof arg !== 'string') invalid('"$" takes a path string, e.g. { "$": "item.status" }')
    return resolvePath(scope, arg) ?? null
  },
  $eq: (arg, evaluate) => jsonEquals(...pair('$eq', arg, evaluate)),
  $neq: (arg, evaluate) => !jsonEquals(...pair('$neq', arg, evaluate)),
  $gt: compare('$gt', (o) => o > 0),
  $lt: compare('$lt', (o) => o < 0),
  $gte: compare('$gte', (o) => o >= 0),
  $lte: compare('$lte', (o) => o <= 0),
  $and: (arg, evaluate) => {
    if (!Array.isArray(arg)) invalid('$and takes a list of values')
    return arg.every((v, i) => isTruthy(evaluate(v, [i])))
  },
  $or: (arg, evaluate) => {
    if (!Array.isArray(arg)) invalid('$or takes a list of values')
    return arg.some((v, i) => isTruthy(evaluate(v, [i])))
  },
  $not: (arg, evaluate) => !isTruthy(single(arg, evaluate)),
  $if: (arg, evaluate) => {
    if (!isPlainObject(arg) || !Object.hasOwn(arg, 'test')) {
      invalid('$if takes { "test": …, "then": …, "else": … }')
    }
    const branch = isTruthy(evaluate(arg.test as Json, ['test'])) ? 'then' : 'else'
    const chosen = field(arg, branch)
    return chosen === undefined ? null : evaluate(chosen, [branch])
  },
  $switch: (arg, evaluate) => {
    const cases = field(arg, 'cases')
    if (!isPlainObject(arg) || !isPlainObject(cases)) {
      invalid('$switch takes { "on": …, "cases": { "<value>": … }, "default": … }')
    }
    const key = toText(evaluate(arg.on ?? null, ['on']))
    if (Object.hasOwn(cases, key)) return evaluate(cases[key] as Json, ['cases', key])
    const fallback = field(arg, 'default')
    return fallback === undefined ? null : evaluate(fallback, ['default'])
  },
  $concat: (arg, evaluate) => list('$concat', arg, evaluate).map(toText).join(''),
  $trim: textOperator((t) => t.trim()),
  $uppercase: textOperator((t) => t.toUpperCase()),
  $lowercase: textOperator((t) => t.toLowerCase()),
  $includes: (arg, evaluate) => {
    const [container, needle] = pair('$includes', arg, evaluate)
    if (typeof container === 'string') return container.includes(toText(needle))
    if (Array.isArray(container)) return container.some((v) => jsonEquals(v, needle))
    return false
  },
  $string: (arg, evaluate) => toText(single(arg, evaluate)),
  $number: (arg, evaluate) => toNumberOrNull(single(arg, evaluate)),
  $boolean: (arg, evaluate) => isTruthy(single(arg, evaluate)),
  $formatDate: (arg, evaluate) => {
    if (isPlainObject(arg) && Object.hasOwn(arg, 'date')) {
      const format = field(arg, 'format')
      const pattern = format === undefined ? undefined : toText(evaluate(format, ['format']))
      return formatDate(evaluate(arg.date as Json, ['date']), pattern)
    }
    return formatDate(evaluate(arg, []))
  },
  $now: (_arg, _evaluate, scope) => (scope.now ?? Date.now)(),
  $add: arithmetic('$add', (a, b) => a + b, 0),
  $sub: arithmetic('$sub', (a, b) => a - b),
  $mul: arithmetic('$mul', (a, b) => a * b, 1),
  $div: arithmetic('$div', (a, b) => a / b),
  $mod: arithmetic('$mod', (a, b) => a % b),
  $length: (arg, evaluate) => {
    const value = evaluate(arg, [])
    if (typeof value === 'string' || Array.isArray(value)) return value.length
    if (isPlainObject(value)) return Object.keys(value).length
    return 0
  },
  $get: (arg, evaluate) => {
    if (!isPlainObject(arg) || !Object.hasOwn(arg, 'from') || !Object.hasOwn(arg, 'path')) {
      invalid('$get takes { "from": …, "path": "a.b" }')
    }
    const path = evaluate(arg.path as Json, ['path'])
    if (typeof path !== 'string' && typeof path !== 'number')
      invalid('$get path must be a string', ['path'])
    return readPath(evaluate(arg.from as Json, ['from']), String(path)) ?? null
  },
}

export const operatorNames: readonly string[] = Object.keys(operators)

export function isKnownOperator(name: string): boolean {
  return Object.hasOwn(operators, name)
}
