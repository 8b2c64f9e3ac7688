import { z } from 'zod'
import { issueCodes, type JsonPath, type TroupeIssue } from '../issues'
import { actorDefinitionSchema } from '../model/actor'
import { type ProjectFile, projectFileSchema } from '../model/project'
import { findUnsafeKeys, stripUnsafeKeys } from '../safety/keys'
import { checkGraph } from './graph'
import { checkSkills } from './skills'
import { checkValue, IssueList } from './values'
import { validateView } from './view'

export type ProjectValidation =
  | { ok: true; project: ProjectFile }
  | { ok: false; issues: TroupeIssue[] }

/** The file's shape with views left to `validateView`, which reports them precisely. */
const shapeSchema = projectFileSchema.extend({
  actors: z.record(z.string(), actorDefinitionSchema.extend({ view: z.unknown() })),
})

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** An issue at a file path: inside an actor it is attributed to the actor, path relative to it. */
function issueAt(code: TroupeIssue['code'], message: string, path: JsonPath): TroupeIssue {
  if (path[0] === 'actors' && typeof path[1] === 'string') {
    return { code, message, actorId: path[1], path: path.slice(2) }
  }
  return { code, message, path }
}

/** `{ slot, actor }` placements anywhere in a view, with their paths (from `at`). */
export function viewPlacements(
  view: unknown,
  at: JsonPath,
  found: [string, JsonPath][] = [],
): [string, JsonPath][] {
  if (Array.isArray(view))
    view.forEach((v, i) => {
      viewPlacements(v, [...at, i], found)
    })
  else if (isObject(view)) {
    if (typeof view.actor === 'string' && 'slot' in view) found.push([view.actor, [...at, 'actor']])
    for (const key of Object.keys(view)) viewPlacements(view[key], [...at, key], found)
  }
  return found
}

/**
 * What `validateProject` reports about one actor's view (without prototype keys): its own
 * checks and its `{ slot, actor }` placements, each of an actor that exists and is one of
 * this actor's children. Nothing else in a project reads a view, so these are every issue a
 * change of that view alone can add or remove.
 */
function placedViewIssues(
  id: string,
  view: unknown,
  children: readonly string[],
  actors: Record<string, unknown>,
): TroupeIssue[] {
  const out = new IssueList(id)
  for (const [target, at] of viewPlacements(view, ['view'])) {
    if (!Object.hasOwn(actors, target))
      out.add(issueCodes.missingActor, `places missing actor "${target}"`, at)
    else if (!children.includes(target)) {
      out.add(
        issueCodes.invalidView,
        `places "${target}", which is not one of this actor's children`,
        at,
      )
    }
  }
  return [...validateView(view, id), ...out.issues]
}

/**
 * The issues `validateProject` finds in actor `id`'s view, checked alone: prototype keys
 * (TRP-127) inside it, then its checks and placements against the project's `actors` (an
 * edit of one view need not copy and validate the whole project again).
 */
export function validateActorView(
  id: string,
  view: unknown,
  actors: Record<string, { children: readonly string[] }>,
): TroupeIssue[] {
  const unsafe = findUnsafeKeys(view, ['view']).map((path) => ({
    code: issueCodes.unsafeKey,
    message: `"${String(path[path.length - 1])}" is not allowed as a key`,
    actorId: id,
    path,
  }))
  const children = actors[id]?.children ?? []
  return [...unsafe, ...placedViewIssues(id, stripUnsafeKeys(view), children, actors)]
}

function checkActor(
  id: string,
  actor: ProjectFile['actors'][string],
  actors: Record<string, unknown>,
): TroupeIssue[] {
  const out = new IssueList(id)
  const queries = actor.context.queries
  if (isObject(queries)) {
    for (const key of Object.keys(queries)) {
      const query = queries[key]
      const at = ['context', 'queries', key]
      if (!isObject(query) || typeof query.schemaName !== 'string') {
        out.add(issueCodes.invalidShape, 'a query needs { "schemaName": "<entity schema>" }', at)
      } else if (query.where !== undefined) checkValue(query.where, [...at, 'where'], out)
    }
  }
  return [...placedViewIssues(id, actor.view, actor.children, actors), ...out.issues]
}

function checkEntities(entities: ProjectFile['entities']): TroupeIssue[] {
  const out = new IssueList()
  for (const schema of Object.keys(entities ?? {})) {
    const seen = new Set<string>()
    entities![schema]!.forEach((entity, i) => {
      const id = entity.id
      if (id === undefined) return
      const at = ['entities', schema, i, 'id']
      if (typeof id !== 'string' && typeof id !== 'number') {
        out.add(issueCodes.invalidShape, 'an entity id must be a string or a number', at)
        return
      }
      if (seen.has(String(id)))
        out.add(issueCodes.duplicateEntityId, `duplicate ${schema} id "${id}"`, at)
      seen.add(String(id))
    })
  }
  return out.issues
}

/**
 * Validates a project file completely: version, shape, prototype keys, every view, project
 * skills, queries, entities and the actor graph. Returns every issue, each attributed to
 * its actor with a JSON path; a project with any issue is refused as a whole.
 */
export function validateProject(input: unknown): ProjectValidation {
  if (!isObject(input)) {
    return {
      ok: false,
      issues: [
        { code: issueCodes.invalidShape, message: 'a project file is a JSON object', path: [] },
      ],
    }
  }
  if (input.troupe !== 1) {
    const message = `not a Troupe project file of version 1 (found "troupe": ${JSON.stringify(input.troupe ?? null)})`
    return {
      ok: false,
      issues: [{ code: issueCodes.unsupportedVersion, message, path: ['troupe'] }],
    }
  }
  const issues: TroupeIssue[] = findUnsafeKeys(input).map((path) =>
    issueAt(
      issueCodes.unsafeKey,
      `"${String(path[path.length - 1])}" is not allowed as a key`,
      path,
    ),
  )
  const clean = stripUnsafeKeys(input)
  const parsed = shapeSchema.safeParse(clean)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push(issueAt(issueCodes.invalidShape, issue.message, issue.path as JsonPath))
    }
    // Views can still be checked when the rest of an actor is malformed.
    const actors = isObject(clean.actors) ? clean.actors : {}
    for (const id of Object.keys(actors)) {
      const actor = actors[id]
      if (isObject(actor) && actor.view !== undefined) issues.push(...validateView(actor.view, id))
    }
    return { ok: false, issues }
  }
  const project = parsed.data as ProjectFile
  for (const id of Object.keys(project.actors)) {
    issues.push(...checkActor(id, project.actors[id]!, project.actors))
  }
  issues.push(
    ...checkSkills(project.skills),
    ...checkEntities(project.entities),
    ...checkGraph(project),
  )
  return issues.length ? { ok: false, issues } : { ok: true, project }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position)
  const line = before.split('\n').length
  return { line, column: position - before.lastIndexOf('\n') }
}

/** Parses and validates project file text; a JSON syntax error is TRP-100 with line and column. */
export function parseProjectText(text: string): ProjectValidation {
  let input: unknown
  try {
    input = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const position = Number(/position (\d+)/.exec(detail)?.[1] ?? text.length)
    const { line, column } = lineAndColumn(text, position)
    const message = `invalid JSON at line ${line}, column ${column}: ${detail.replace(/ in JSON at position \d+.*$/, '')}`
    return { ok: false, issues: [{ code: issueCodes.invalidJson, message, path: [] }] }
  }
  return validateProject(input)
}
