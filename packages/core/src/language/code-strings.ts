import type { Json } from '../model/json'
import { isDataPath, pathRoots } from './paths'

/**
 * Recognises the seed's older JavaScript-string expressions (`"item.status === 'done'"`) so
 * they can be refused with the `$` form to write instead. Troupe never evaluates them.
 */

const roots = pathRoots.join('|')
const startsLikePath = new RegExp(`^\\s*!?\\s*(${roots})\\s*[.[(]`)
const negatedRoot = new RegExp(`^\\s*!\\s*(${roots})\\b`)
const jsOnlyTokens = /===|!==|&&|\|\||=>/
const rootReference = new RegExp(`\\b(${roots})\\.[\\w$]`)
const operatorChars = /==|!=|<=|>=|[<>?+*/%]|\s-\s/
const ternary = /^\s*!?[\w$]+(\.[\w$]+)+\s*\?[^:]*:/

export function looksLikeCode(text: string): boolean {
  if (isDataPath(text)) return false
  if (startsLikePath.test(text) || negatedRoot.test(text) || jsOnlyTokens.test(text)) return true
  if (ternary.test(text)) return true
  return rootReference.test(text) && operatorChars.test(text)
}

export type StringKind = 'path' | 'code' | 'literal'

/** How a string written where a value is expected reads: a data path, refused code, or literal text. */
export function classifyString(text: string): StringKind {
  if (isDataPath(text)) return 'path'
  return looksLikeCode(text) ? 'code' : 'literal'
}

// --- Suggesting the `$` form -------------------------------------------------------------

type Token = { kind: 'op' | 'str' | 'num' | 'word'; text: string }

function tokenize(source: string): Token[] | null {
  const tokens: Token[] = []
  const pattern =
    /\s*(?:(===|!==|==|!=|>=|<=|&&|\|\||[!?:()<>])|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?)|([A-Za-z_$][\w$]*(?:\.[\w$]+)*))/y
  let index = 0
  while (index < source.length) {
    if (/^\s*$/.test(source.slice(index))) break
    pattern.lastIndex = index
    const m = pattern.exec(source)
    if (!m) return null
    index = pattern.lastIndex
    if (m[1] !== undefined) tokens.push({ kind: 'op', text: m[1] })
    else if (m[2] !== undefined) tokens.push({ kind: 'str', text: m[2] })
    else if (m[3] !== undefined) tokens.push({ kind: 'str', text: m[3] })
    else if (m[4] !== undefined) tokens.push({ kind: 'num', text: m[4] })
    else if (m[5] !== undefined) tokens.push({ kind: 'word', text: m[5] })
  }
  return tokens
}

const comparisons: Record<string, string> = {
  '===': '$eq',
  '==': '$eq',
  '!==': '$neq',
  '!=': '$neq',
  '>': '$gt',
  '<': '$lt',
  '>=': '$gte',
  '<=': '$lte',
}

/** A small recursive-descent reader of the JavaScript subset seed views used. */
function parse(tokens: Token[]): Json | null {
  let i = 0
  const peek = () => tokens[i]
  const isOp = (text: string) => peek()?.kind === 'op' && peek()?.text === text
  const fail = (): never => {
    throw new Error('unsupported')
  }

  const primary = (): Json => {
    const t = tokens[i++] ?? fail()
    if (t.kind === 'str') return t.text
    if (t.kind === 'num') return Number(t.text)
    if (t.kind === 'word') {
      if (t.text === 'true') return true
      if (t.text === 'false') return false
      if (t.text === 'null' || t.text === 'undefined') return null
      const first = t.text.split('.')[0] ?? ''
      const path = (pathRoots as readonly string[]).includes(first) ? t.text : `context.${t.text}`
      // `.length` reads a property in JavaScript; in Troupe it is the $length operator.
      if (path.endsWith('.length')) return { $length: { $: path.slice(0, -'.length'.length) } }
      return { $: path }
    }
    if (t.text === '(') {
      const inner = conditional()
      if (!isOp(')')) fail()
      i++
      return inner
    }
    return fail()
  }
  const unary = (): Json => {
    if (isOp('!')) {
      i++
      return { $not: unary() }
    }
    return primary()
  }
  const comparison = (): Json => {
    const left = unary()
    const op = peek()
    const name = op?.kind === 'op' ? comparisons[op.text] : undefined
    if (!name) return left
    i++
    return { [name]: [left, unary()] }
  }
  const chain = (op: string, name: string, next: () => Json) => (): Json => {
    const parts = [next()]
    while (isOp(op)) {
      i++
      parts.push(next())
    }
    return parts.length === 1 ? (parts[0] as Json) : { [name]: parts }
  }
  const and = chain('&&', '$and', comparison)
  const or = chain('||', '$or', and)
  const conditional = (): Json => {
    const test = or()
    if (!isOp('?')) return test
    i++
    const then = conditional()
    if (!isOp(':')) fail()
    i++
    return { $if: { test, then, else: conditional() } }
  }

  try {
    const result = conditional()
    return i === tokens.length ? result : null
  } catch {
    return null
  }
}

const genericExample = '{ "$eq": [{ "$": "item.status" }, "done"] }'

/** The `$` form of a JavaScript string, or a generic example when it cannot be translated. */
export function suggestExpression(code: string): string {
  const tokens = tokenize(code)
  const translated = tokens ? parse(tokens) : null
  return translated === null ? genericExample : JSON.stringify(translated)
}

export function codeStringMessage(code: string): string {
  return `JavaScript expressions are never evaluated: "${code}". Write it as a $ expression instead: ${suggestExpression(code)}`
}
