import type { Json } from '@troupe/core'
import { shareUnchanged } from './share'

/**
 * What changed between two snapshots the host sent (a definition, or a state), found by
 * identity: the host's snapshots come from Automerge documents, which keep every object a
 * change did not touch, so an edit of one actor's view changes `actors` and that one actor
 * and nothing else. Per top-level key: absent when the same object, `entries` for a record
 * (the entries that are new or different objects, and the ids gone), `whole` otherwise (null
 * for a key that is gone: it survives the host's JSON fallback, where undefined would not).
 * Cloning only that across the frame boundary, instead of the whole project on every
 * keystroke, is what keeps an edit's cost from growing with the project.
 */
export type SnapshotPatch = Record<
  string,
  { whole: unknown } | { entries: Record<string, unknown>; removed: string[] }
>

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function snapshotPatch(previous: object, next: object): SnapshotPatch {
  const before = previous as Record<string, unknown>
  const after = next as Record<string, unknown>
  const patch: SnapshotPatch = {}
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[key]
    const now = after[key]
    if (old === now) continue
    if (!isRecord(old) || !isRecord(now)) {
      patch[key] = { whole: now ?? null }
      continue
    }
    // Own properties whatever the id (an assignment of `__proto__` would set a prototype).
    const entries = Object.fromEntries(
      Object.entries(now).filter(([id, value]) => value !== old[id]),
    )
    const removed = Object.keys(old).filter((id) => !Object.hasOwn(now, id))
    patch[key] = { entries, removed }
  }
  return patch
}

/**
 * `last` with `patch` applied (the guest's side). Unchanged entries keep their objects, and a
 * changed one shares its unchanged parts with what it replaces (see shareUnchanged), so the
 * renderer's caches see only what really changed. Records are rebuilt with
 * `Object.fromEntries`, which defines own properties: an id such as `__proto__` stays data.
 */
export function applySnapshotPatch<T extends object>(last: T, patch: SnapshotPatch): T {
  const before = last as Record<string, unknown>
  const out = new Map(Object.entries(before))
  for (const [key, change] of Object.entries(patch)) {
    if ('whole' in change) {
      if (change.whole === null) out.delete(key)
      else out.set(key, shareUnchanged(before[key] as Json | undefined, change.whole as Json))
      continue
    }
    const old = isRecord(before[key]) ? before[key] : {}
    const entries = new Map(Object.entries(old))
    for (const id of change.removed ?? []) entries.delete(id)
    for (const [id, value] of Object.entries(change.entries ?? {})) {
      entries.set(id, shareUnchanged(old[id] as Json | undefined, value as Json))
    }
    out.set(key, Object.fromEntries(entries))
  }
  return Object.fromEntries(out) as T
}
