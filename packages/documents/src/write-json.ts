import { isImmutableString } from '@automerge/automerge-repo'

type Container = Record<string, unknown> | unknown[]

/**
 * Writes `value` at `target[key]` with the smallest structural change: only keys that differ
 * are written, objects and lists are updated in place rather than replaced. Replacing a whole
 * view would make two people's concurrent edits conflict as one value and one of them would be
 * lost; editing in place lets Automerge merge edits to different parts of one view.
 *
 * `target` is an Automerge change proxy (or any plain object, which makes it testable alone).
 * `value` is JSON-like data; `undefined` means "absent": the key is deleted.
 */
export function writeJson(target: Container, key: string | number, value: unknown): void {
  writeOver(target, key, value, (target as Record<string | number, unknown>)[key], false)
}

/**
 * `writeJson` when the value `target[key]` holds now is at hand as a plain snapshot
 * (`current`, e.g. read from `handle.doc()` just before the change): the differences are found
 * in the snapshot, and the change proxy is read only along the paths that differ. Through the
 * proxy every comparison is a call into Automerge; for a one-letter edit of a view that was
 * most of the change's cost.
 */
export function writeJsonOver(
  target: Container,
  key: string | number,
  value: unknown,
  current: unknown,
): void {
  writeOver(target, key, value, current, true)
}

/** `snapshot`: `current` is plain data, cheap to compare (not the proxy itself). */
function writeOver(
  target: Container,
  key: string | number,
  value: unknown,
  current: unknown,
  snapshot: boolean,
): void {
  const at = () => (target as Record<string | number, unknown>)[key]
  if (value === undefined) {
    if (current !== undefined) deleteAt(target, key)
    return
  }
  if (Array.isArray(value) && Array.isArray(current))
    patchList(at() as unknown[], current, value, snapshot)
  else if (isObject(value) && isObject(current))
    patchObject(at() as Record<string, unknown>, current, value, snapshot)
  else if (current !== value) (target as Record<string | number, unknown>)[key] = plain(value)
}

function patchObject(
  target: Record<string, unknown>,
  current: Record<string, unknown>,
  value: Record<string, unknown>,
  snapshot: boolean,
): void {
  for (const key of Object.keys(current)) if (!(key in value)) delete target[key]
  for (const [key, child] of Object.entries(value)) {
    // An unchanged part of a snapshot is skipped whole, without reading the proxy below it.
    if (snapshot && deepEqual(current[key], child)) continue
    writeOver(target, key, child, current[key], snapshot)
  }
}

/**
 * Lists keep their common head and tail untouched, so inserting or removing one element
 * writes only that element instead of shifting (and rewriting) everything after it. What is
 * left in the middle is patched element by element, then grown or shrunk at its end.
 */
function patchList(
  target: unknown[],
  current: unknown[],
  value: unknown[],
  snapshot: boolean,
): void {
  let head = 0
  while (head < current.length && head < value.length && deepEqual(current[head], value[head]))
    head++
  let tail = 0
  while (
    tail < current.length - head &&
    tail < value.length - head &&
    deepEqual(current[current.length - 1 - tail], value[value.length - 1 - tail])
  )
    tail++
  const oldMiddle = current.length - head - tail
  const newMiddle = value.length - head - tail
  const shared = Math.min(oldMiddle, newMiddle)
  for (let i = head; i < head + shared; i++) writeOver(target, i, value[i], current[i], snapshot)
  if (oldMiddle > newMiddle) target.splice(head + shared, oldMiddle - newMiddle)
  else if (newMiddle > oldMiddle)
    target.splice(head + shared, 0, ...value.slice(head + shared, head + newMiddle).map(plain))
}

function deleteAt(target: Container, key: string | number): void {
  if (Array.isArray(target)) target.splice(Number(key), 1)
  else delete target[key as string]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Structural equality of JSON-like values (works on Automerge proxies, which read as plain). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    return a.every((item, i) => deepEqual(item, b[i]))
  }
  // Log entries and seeded entities: equal when their text is (each peer has its own object).
  // Asked after the lists: a list proxy inside a change answers yes to the marker's lookup.
  if (isImmutableString(a) || isImmutableString(b))
    return isImmutableString(a) && isImmutableString(b) && a.val === b.val
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a)
    if (keys.length !== Object.keys(b).length) return false
    return keys.every((key) => key in b && deepEqual(a[key], b[key]))
  }
  return false
}

/**
 * A fresh plain copy: Automerge refuses to store an object that already belongs to a document,
 * and values read from a document (or a proxy) are such objects. Also drops `undefined`.
 */
export function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}
