import type { CompositeNode, LeafNode } from '@troupe/core'

/** A three-slot view that concurrent-edit tests change in different parts. */
export const card: CompositeNode = {
  container: { layout: 'flex', class: 'flex flex-col gap-2' },
  children: [
    { slot: 'title', leaf: { tag: 'h2', classes: 'text-lg', elements: ['Card'] } },
    { slot: 'body', leaf: { tag: 'p', elements: ['Body text'] } },
    { slot: 'action', leaf: { tag: 'button', classes: 'btn', elements: ['Go'] } },
  ],
}

/** A copy of `view` with the leaf at `index` changed. */
export const withLeaf = (
  view: CompositeNode,
  index: number,
  change: Partial<LeafNode>,
): CompositeNode => {
  const copy = structuredClone(view)
  const entry = copy.children![index] as { slot: string; leaf: LeafNode }
  entry.leaf = { ...entry.leaf, ...change }
  return copy
}
