import type { Json } from '@troupe/core'

const cache = new WeakMap<object, string[]>()
const wholeScope = ['context', 'dependencies']

function isScopePath(text: string): boolean {
  return (
    text === 'context' ||
    text === 'dependencies' ||
    text.startsWith('context.') ||
    text.startsWith('dependencies.')
  )
}

/**
 * Every `context…` and `dependencies…` path a foreach template can read. A row re-renders
 * only when its item or one of these values changed, so editing one item of a long list
 * renders one row. Reads are found syntactically: any string in the template that is such a
 * path (bindings, payloads, `$` operands, nested foreach items). A `$` whose operand is not a
 * plain string could compute a path, so such a template depends on the whole scope.
 */
export function templateReads(template: object): string[] {
  const known = cache.get(template)
  if (known) return known
  const reads = new Set<string>()
  const walk = (value: Json | undefined): void => {
    if (typeof value === 'string') {
      if (isScopePath(value)) reads.add(value)
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v)
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === '$' && typeof v !== 'string') for (const root of wholeScope) reads.add(root)
        walk(v)
      }
    }
  }
  walk(template as Json)
  const list = [...reads].sort()
  cache.set(template, list)
  return list
}
