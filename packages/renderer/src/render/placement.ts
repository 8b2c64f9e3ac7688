import { type CompositeNode, isLeaf, type JsonPath, type View } from '@troupe/core'
import { pathKey } from './frame'

const cache = new WeakMap<object, { placed: string[]; slotKey: string | null }>()

/**
 * Reads once per view (outside `foreach` templates): which child actors it places
 * explicitly, and where the first wrapper marked `slot: "children"` is.
 */
export function viewLayout(view: View): { placed: string[]; slotKey: string | null } {
  const known = cache.get(view)
  if (known) return known
  const placed: string[] = []
  let slotKey: string | null = null
  const walk = (node: CompositeNode, path: JsonPath) => {
    node.elements?.forEach((wrapper, i) => {
      if (slotKey === null && wrapper.slot === 'children')
        slotKey = pathKey([...path, 'elements', i])
    })
    node.children?.forEach((entry, i) => {
      if ('actor' in entry && typeof entry.actor === 'string') placed.push(entry.actor)
      if ('composite' in entry && entry.composite)
        walk(entry.composite, [...path, 'children', i, 'composite'])
    })
  }
  if (!isLeaf(view)) walk(view, ['view'])
  const result = { placed, slotKey }
  cache.set(view, result)
  return result
}
