import { type TroupeIssue, type View, validateView } from '@troupe/core'

const cache = new WeakMap<object, Map<string, TroupeIssue[]>>()

/** `validateView`, once per view object and actor: views change far less often than data. */
export function viewIssues(view: View, actorId: string): TroupeIssue[] {
  let byActor = cache.get(view)
  if (!byActor) {
    byActor = new Map()
    cache.set(view, byActor)
  }
  let issues = byActor.get(actorId)
  if (!issues) {
    issues = validateView(view, actorId)
    byActor.set(actorId, issues)
  }
  return issues
}
