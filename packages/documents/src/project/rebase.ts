import { deepEqual } from '../write-json'

/**
 * Three-way move of a JSON value: `current` is what the document holds now; one person's edit
 * once turned `from` into `to`. The result is `current` with that edit applied (or reverted,
 * when from/to are swapped) only where `current` still holds `from`. Wherever someone else has
 * changed a part since, their value stays and `conflicts.kept` counts it. Undo uses it to revert
 * only my change; parts I never touched are never written.
 *
 * Objects are walked key by key (only keys the edit changed are visited); lists of equal
 * length element by element; otherwise the edited run of elements is found again in `current`
 * by its content (an insert by its neighbours), so an element a collaborator added elsewhere in
 * the same list survives.
 *
 * `prefer: 'to'` settles a conflict (someone changed the very part the edit changes) for the
 * edit instead: the view editor commits a draft that way, since the person just typed it.
 */
export function rebase(
  current: unknown,
  from: unknown,
  to: unknown,
  conflicts: { kept: number },
  prefer: 'current' | 'to' = 'current',
): unknown {
  if (deepEqual(current, from)) return to
  if (isObject(current) && isObject(from) && isObject(to)) {
    const out: Record<string, unknown> = { ...current }
    for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
      if (deepEqual(from[key], to[key])) continue
      const value = rebase(current[key], from[key], to[key], conflicts, prefer)
      if (value === undefined) delete out[key]
      else out[key] = value
    }
    return out
  }
  if (Array.isArray(current) && Array.isArray(from) && Array.isArray(to)) {
    return rebaseList(current, from, to, conflicts, prefer)
  }
  return conflict(current, to, conflicts, prefer)
}

function conflict(
  current: unknown,
  to: unknown,
  conflicts: { kept: number },
  prefer: 'current' | 'to',
): unknown {
  if (prefer === 'to') return to
  conflicts.kept++
  return current
}

function rebaseList(
  current: unknown[],
  from: unknown[],
  to: unknown[],
  conflicts: { kept: number },
  prefer: 'current' | 'to',
): unknown {
  if (current.length === from.length && from.length === to.length) {
    return current.map((item, i) =>
      deepEqual(from[i], to[i]) ? item : rebase(item, from[i], to[i], conflicts, prefer),
    )
  }
  let head = 0
  while (head < from.length && head < to.length && deepEqual(from[head], to[head])) head++
  let tail = 0
  while (
    tail < from.length - head &&
    tail < to.length - head &&
    deepEqual(from[from.length - 1 - tail], to[to.length - 1 - tail])
  )
    tail++
  const removed = from.slice(head, from.length - tail)
  const inserted = to.slice(head, to.length - tail)
  const at = removed.length
    ? findRun(current, removed, head)
    : insertionPoint(current, from, head, tail)
  if (at < 0) return conflict(current, to, conflicts, prefer)
  return [...current.slice(0, at), ...inserted, ...current.slice(at + removed.length)]
}

/** Where `run` occurs in `list`, the occurrence nearest `near`; -1 when it is gone. */
function findRun(list: unknown[], run: unknown[], near: number): number {
  let best = -1
  for (let i = 0; i + run.length <= list.length; i++) {
    if (!run.every((item, k) => deepEqual(list[i + k], item))) continue
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i
  }
  return best
}

/** Where an insert between from[head - 1] and from[from.length - tail] lands in `list` now. */
function insertionPoint(list: unknown[], from: unknown[], head: number, tail: number): number {
  if (head === 0) return 0
  const before = findRun(list, [from[head - 1]], head - 1)
  if (before >= 0) return before + 1
  if (tail === 0) return list.length
  return findRun(list, [from[from.length - tail]], head)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
