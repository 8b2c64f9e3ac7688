import { issueCodes, type TroupeIssue } from '../issues'
import type { ProjectFile } from '../model/project'
import { IssueList } from './values'

/** The part of an actor the graph rules read. */
type Linked = { children: readonly string[] }
type ActorMap = Record<string, Linked>

const has = (actors: ActorMap, id: string) => Object.hasOwn(actors, id)

/** Ids of every actor that lists `id` among its children (a valid project has at most one). */
export function findParents(actors: ActorMap, id: string): string[] {
  return Object.keys(actors).filter((parent) => actors[parent]?.children.includes(id))
}

/** True when `target` is `from` or sits below it along children links. */
function reaches(actors: ActorMap, from: string, target: string): boolean {
  const seen = new Set<string>()
  const stack = [from]
  while (stack.length) {
    const id = stack.pop() as string
    if (id === target) return true
    if (seen.has(id) || !has(actors, id)) continue
    seen.add(id)
    stack.push(...(actors[id]?.children ?? []))
  }
  return false
}

/**
 * Whether `childId` may be added to `parentId`'s children: both exist, the child has no
 * parent yet, and the link closes no cycle. Returns the issue that refuses it, or null.
 */
export function checkChildLink(
  actors: ActorMap,
  parentId: string,
  childId: string,
): TroupeIssue | null {
  for (const id of [parentId, childId]) {
    if (!has(actors, id)) {
      return {
        code: issueCodes.missingActor,
        message: `no actor "${id}"`,
        actorId: parentId,
        path: ['children'],
      }
    }
  }
  if (reaches(actors, childId, parentId)) {
    return {
      code: issueCodes.parentCycle,
      message: `making "${childId}" a child of "${parentId}" would make a cycle`,
      actorId: parentId,
      path: ['children'],
    }
  }
  const parents = findParents(actors, childId)
  if (parents.length) {
    return {
      code: issueCodes.secondParent,
      message: `"${childId}" is already a child of "${parents[0]}"; an actor has one parent`,
      actorId: parentId,
      path: ['children'],
    }
  }
  return null
}

type GraphInput = Pick<ProjectFile, 'root'> & {
  actors: Record<
    string,
    Linked & { subscriptions: readonly string[]; dependencies: Record<string, string> }
  >
}

/**
 * The forest rules over a whole project: references resolve, one parent per actor, no
 * cycles, and a root that exists and has no parent. Every violation is reported.
 */
export function checkGraph(project: GraphInput): TroupeIssue[] {
  const { actors } = project
  const issues: TroupeIssue[] = []
  const parentOf = new Map<string, string>()

  for (const id of Object.keys(actors)) {
    const actor = actors[id]!
    const out = new IssueList(id)
    actor.subscriptions.forEach((target, i) => {
      if (!has(actors, target))
        out.add(issueCodes.missingActor, `subscribes to missing actor "${target}"`, [
          'subscriptions',
          i,
        ])
    })
    for (const name of Object.keys(actor.dependencies)) {
      const target = actor.dependencies[name] as string
      if (!has(actors, target))
        out.add(issueCodes.missingActor, `dependency "${name}" names missing actor "${target}"`, [
          'dependencies',
          name,
        ])
    }
    actor.children.forEach((child, i) => {
      if (!has(actors, child)) {
        out.add(issueCodes.missingActor, `child "${child}" does not exist`, ['children', i])
        return
      }
      const existing = parentOf.get(child)
      if (existing !== undefined) {
        const where = existing === id ? 'listed twice here' : `already a child of "${existing}"`
        out.add(issueCodes.secondParent, `"${child}" is ${where}; an actor has one parent`, [
          'children',
          i,
        ])
        return
      }
      parentOf.set(child, id)
    })
    issues.push(...out.issues)
  }

  // With one parent each, a cycle is a chain of parents that comes back to where it started.
  const reported = new Set<string>()
  for (const start of parentOf.keys()) {
    const chain: string[] = []
    let current: string | undefined = start
    while (current !== undefined && !chain.includes(current)) {
      chain.push(current)
      current = parentOf.get(current)
    }
    if (current === undefined) continue
    const cycle = chain.slice(chain.indexOf(current))
    const key = [...cycle].sort().join('\u0000')
    if (reported.has(key)) continue
    reported.add(key)
    const child = cycle[0] as string
    const parent = parentOf.get(child) as string
    issues.push({
      code: issueCodes.parentCycle,
      message: `parent-child links form a cycle: ${[...cycle]
        .reverse()
        .concat(cycle[cycle.length - 1] as string)
        .join(' → ')}`,
      actorId: parent,
      path: ['children', actors[parent]!.children.indexOf(child)],
    })
  }

  if (!has(actors, project.root)) {
    issues.push({
      code: issueCodes.rootInvalid,
      message: `root "${project.root}" is not an actor`,
      path: ['root'],
    })
  } else if (parentOf.has(project.root)) {
    issues.push({
      code: issueCodes.rootInvalid,
      message: `root "${project.root}" is a child of "${parentOf.get(project.root)}"; the root has no parent`,
      path: ['root'],
    })
  }
  return issues
}
