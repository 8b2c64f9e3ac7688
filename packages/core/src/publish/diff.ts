import type { JsonPath } from '../issues'
import type { ProjectFile } from '../model/project'

/** One actor whose definition differs between two versions, with every path that differs. */
export interface ChangedActor {
  actorId: string
  /** JSON paths inside the actor definition, e.g. `["view", "children", 0, "leaf", "text"]`. */
  paths: JsonPath[]
}

/** What changed from one published version to another, as people read it. */
export interface VersionDiff {
  added: string[]
  removed: string[]
  changed: ChangedActor[]
  /** Paths outside the actors (name, root, skills, settings, entities) that differ. */
  project: JsonPath[]
}

/**
 * The readable difference between two definitions (two published versions): actors added,
 * removed and changed, with the JSON paths that changed. Paths stop at the first level where
 * the two sides stop being comparable (a value against an object, or two different values),
 * so each path names the smallest part that changed.
 */
export function diffDefinitions(from: ProjectFile, to: ProjectFile): VersionDiff {
  const before = from.actors
  const after = to.actors
  const added = Object.keys(after)
    .filter((id) => !(id in before))
    .sort()
  const removed = Object.keys(before)
    .filter((id) => !(id in after))
    .sort()
  const changed: ChangedActor[] = []
  for (const id of Object.keys(after).sort()) {
    if (!(id in before)) continue
    const paths = diffValues(before[id], after[id])
    if (paths.length) changed.push({ actorId: id, paths })
  }
  const { actors: _a, ...restBefore } = from
  const { actors: _b, ...restAfter } = to
  return { added, removed, changed, project: diffValues(restBefore, restAfter) }
}

/** True when the two versions define the same app. */
export function isEmptyDiff(diff: VersionDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.project.length
}

/** Every path at which `a` and `b` differ (empty when equal as JSON). */
export function diffValues(a: unknown, b: unknown, at: JsonPath = []): JsonPath[] {
  if (Object.is(a, b)) return []
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: JsonPath[] = []
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) out.push([...at, i])
      else out.push(...diffValues(a[i], b[i], [...at, i]))
    }
    return out
  }
  if (isRecord(a) && isRecord(b)) {
    const out: JsonPath[] = []
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const key of [...keys].sort()) {
      // A key holding undefined is the same as a missing key in JSON.
      if (a[key] === undefined && b[key] === undefined) continue
      if (!(key in a) || !(key in b)) out.push([...at, key])
      else out.push(...diffValues(a[key], b[key], [...at, key]))
    }
    return out
  }
  return [at]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
