/**
 * Whether two lists of heads name the same changes. Heads are a set: their order carries no
 * meaning. Works for Automerge's hex heads and automerge-repo's URL-encoded ones alike.
 */
export function sameHeads(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (!a || a.length !== b.length) return false
  const set = new Set<string>(a)
  return b.every((head) => set.has(head))
}
