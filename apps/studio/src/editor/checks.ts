import {
  findUnsafeKeys,
  type Json,
  validateSkills,
  validateView,
  viewPlacements,
} from '@troupe/core'
import type { ProjectDoc } from '@troupe/documents'
import type { EditorIssue } from './markers'

/**
 * What the editors mark beyond the JSON Schema: core's checks (unsafe content TRP-12x,
 * shapes) and references to actors the project does not have (TRP-110), each at its path in
 * the edited text.
 */

const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A view: core's view checks, and `{ slot, actor }` placements of missing or foreign actors. */
export function viewIssues(view: Json, actorId: string, doc: ProjectDoc): EditorIssue[] {
  const issues: EditorIssue[] = validateView(view, actorId).map((issue) => ({
    ...issue,
    path: issue.path.slice(1),
  }))
  const children = doc.actors[actorId]?.children ?? []
  for (const [target, path] of viewPlacements(view, [])) {
    if (!doc.actors[target]) {
      issues.push({ code: 'TRP-110', message: `places missing actor "${target}"`, path })
    } else if (!children.includes(target)) {
      issues.push({
        code: 'TRP-124',
        message: `places "${target}", which is not one of this actor's children`,
        path,
      })
    }
  }
  return issues
}

/** An initial context: an object, no prototype keys, and a view switcher's actors exist. */
export function contextIssues(context: Json, doc: ProjectDoc): EditorIssue[] {
  if (!isObject(context)) {
    return [
      { code: 'TRP-101', message: 'a context is a JSON object: { "key": value, … }', path: [] },
    ]
  }
  const issues: EditorIssue[] = findUnsafeKeys(context).map((path) => ({
    code: 'TRP-127',
    message: `"${String(path[path.length - 1])}" is not allowed as a key`,
    path,
  }))
  const viewActors = context.viewActors
  if (isObject(viewActors)) {
    for (const [mode, target] of Object.entries(viewActors)) {
      if (typeof target === 'string' && !doc.actors[target]) {
        issues.push(missingActorWarning(target, ['viewActors', mode], `view "${mode}" shows`))
      }
    }
  }
  return issues
}

/** Project skills: core's skill checks, and steps that name a missing actor to swap in. */
export function skillsIssues(skills: Json, doc: ProjectDoc): EditorIssue[] {
  const result = validateSkills(skills)
  const issues: EditorIssue[] = result.ok
    ? []
    : result.issues.map((issue) => ({ ...issue, path: issue.path.slice(1) }))
  if (!isObject(skills)) return issues
  for (const [name, skill] of Object.entries(skills)) {
    const steps = isObject(skill) && Array.isArray(skill.steps) ? skill.steps : []
    steps.forEach((step, i) => {
      const target = isObject(step) && isObject(step.payload) ? step.payload.targetActorId : null
      if (typeof target === 'string' && !/^[a-z]+\./.test(target) && !doc.actors[target]) {
        const path = [name, 'steps', i, 'payload', 'targetActorId']
        issues.push(missingActorWarning(target, path, 'this step swaps in'))
      }
    })
  }
  return issues
}

/**
 * A reference to an actor that is not there yet. A warning, not an error: the text is still
 * written (the actor may be added next), but the app would fail at that point.
 */
function missingActorWarning(target: string, path: EditorIssue['path'], what: string): EditorIssue {
  return {
    code: 'TRP-110',
    message: `${what} "${target}", and there is no actor "${target}" in this project`,
    path,
    severity: 'warning',
  }
}
