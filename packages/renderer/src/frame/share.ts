import type { Json } from '@troupe/core'

/**
 * `next` with every part that equals the same part of `previous` replaced by `previous`'s
 * object. Snapshots reach the preview frame as fresh copies (postMessage clones them), which
 * would make every entity look changed; sharing the unchanged parts again restores the
 * identities the renderer's caches rely on (query results, actor slices, foreach rows), so an
 * update to one of 1,000 entities costs one comparison pass, not a full re-render.
 */
export function shareUnchanged<T>(previous: T | undefined, next: T): T {
  return share(previous as Json | undefined, next as Json) as T
}

function share(previous: Json | undefined, next: Json): Json {
  if (previous === next) return next
  if (!previous || !next || typeof previous !== 'object' || typeof next !== 'object') return next
  if (Array.isArray(next)) {
    if (!Array.isArray(previous)) return next
    let same = previous.length === next.length
    const out = next.map((value, i) => {
      const shared = share(previous[i], value)
      if (shared !== previous[i]) same = false
      return shared
    })
    return same ? previous : out
  }
  if (Array.isArray(previous)) return next
  const keys = Object.keys(next)
  let same = keys.length === Object.keys(previous).length
  const out: Record<string, Json> = {}
  for (const key of keys) {
    const before = Object.hasOwn(previous, key) ? previous[key] : undefined
    const shared = share(before, next[key] as Json)
    if (shared !== before) same = false
    out[key] = shared
  }
  return same ? previous : out
}
