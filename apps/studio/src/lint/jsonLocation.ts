import { findNodeAtLocation, parseTree } from 'jsonc-parser'

/**
 * Where a JSON path sits in a text: the offset and length of its value, or of the nearest
 * ancestor that exists (a draft may have moved on from the document the path came from).
 */
export function locatePath(
  text: string,
  path: readonly (string | number)[],
): { offset: number; length: number } | null {
  const tree = parseTree(text)
  if (!tree) return null
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(tree, path.slice(0, depth) as (string | number)[])
    if (node) {
      // A property's value: mark the key too, so the squiggle sits where people read it.
      const target = node.parent?.type === 'property' ? node.parent : node
      return { offset: target.offset, length: target.length }
    }
  }
  return null
}
