import type { DocHandle } from '@automerge/automerge-repo'
import type { ActorDefinition, JsonObject, View } from '@troupe/core'
import { issueCodes, TroupeValidationError } from '@troupe/core'
import type { CanvasPosition, ProjectDoc } from '../schema/project'
import { writeJson } from '../write-json'
import { editActorView, editProject, missingActor } from './edit'
import { newActorId } from './ids'

export interface AddActorOptions {
  /** Use this id instead of a generated one (refused if taken). */
  id?: string
}

/**
 * Adds an actor at a canvas position and returns its id. The new actor subscribes to itself
 * (the seed's advice: each actor handles its own events), in front of any other subscriptions.
 */
export function addActor(
  handle: DocHandle<ProjectDoc>,
  definition: ActorDefinition,
  position: CanvasPosition,
  options: AddActorOptions = {},
): string {
  checkPosition(position)
  const doc = handle.doc()
  if (options.id !== undefined && doc.actors[options.id]) {
    throw new TroupeValidationError([
      {
        code: issueCodes.invalidShape,
        actorId: options.id,
        path: [],
        message: `an actor "${options.id}" already exists; choose another id`,
      },
    ])
  }
  const id = options.id ?? newActorId(definition.role, (candidate) => candidate in doc.actors)
  const subscriptions = [id, ...definition.subscriptions.filter((s) => s !== id)]
  editProject(handle, (draft) => {
    draft.actors[id] = { ...definition, subscriptions, position: { x: position.x, y: position.y } }
  })
  return id
}

/** Replaces an actor's view, written as the smallest structural change (see writeJson). */
export function setActorView(handle: DocHandle<ProjectDoc>, actorId: string, view: View): void {
  editActorView(handle, actorId, view)
}

/** Sets an actor's initial context (the running state lives in the instance document). */
export function setActorContext(
  handle: DocHandle<ProjectDoc>,
  actorId: string,
  context: JsonObject,
): void {
  editProject(handle, (draft) => {
    requireActor(draft, actorId).context = context
  })
}

export function setActorRole(handle: DocHandle<ProjectDoc>, actorId: string, role: string): void {
  editProject(handle, (draft) => {
    requireActor(draft, actorId).role = role
  })
}

export function setActorDependencies(
  handle: DocHandle<ProjectDoc>,
  actorId: string,
  dependencies: Record<string, string>,
): void {
  editProject(handle, (draft) => {
    requireActor(draft, actorId).dependencies = dependencies
  })
}

/**
 * Moves an actor on the canvas. Positions are not part of what core validates and a drag
 * sends many of them, so this writes directly: two numbers, nothing else.
 */
export function setActorPosition(
  handle: DocHandle<ProjectDoc>,
  actorId: string,
  position: CanvasPosition,
): void {
  checkPosition(position)
  if (!handle.doc().actors[actorId]) throw missingActor(actorId)
  handle.change((doc) => {
    const actor = doc.actors[actorId]
    if (actor) writeJson(actor, 'position', { x: position.x, y: position.y })
  })
}

/**
 * Removes an actor and every reference to it: as a child, as a subscriber, as a dependency and
 * as an explicit placement in a view. The root cannot be removed.
 */
export function removeActor(handle: DocHandle<ProjectDoc>, actorId: string): void {
  editProject(handle, (draft) => {
    requireActor(draft, actorId)
    if (draft.root === actorId) {
      throw new TroupeValidationError([
        {
          code: issueCodes.rootInvalid,
          actorId,
          path: [],
          message: 'the root actor cannot be removed',
        },
      ])
    }
    delete draft.actors[actorId]
    for (const actor of Object.values(draft.actors)) {
      actor.children = actor.children.filter((id) => id !== actorId)
      actor.subscriptions = actor.subscriptions.filter((id) => id !== actorId)
      for (const [name, target] of Object.entries(actor.dependencies)) {
        if (target === actorId) delete actor.dependencies[name]
      }
      actor.view = withoutPlacement(actor.view, actorId) as View
    }
  })
}

/** Drops `{ slot, actor: id }` placement entries for `id`, at any depth of a view. */
export function withoutPlacement(node: unknown, actorId: string): unknown {
  if (Array.isArray(node)) {
    return node
      .filter(
        (entry) =>
          !(isRecord(entry) && 'actor' in entry && entry.actor === actorId && 'slot' in entry),
      )
      .map((entry) => withoutPlacement(entry, actorId))
  }
  if (isRecord(node)) {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, withoutPlacement(v, actorId)]),
    )
  }
  return node
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function requireActor(draft: ProjectDoc, actorId: string) {
  const actor = draft.actors[actorId]
  if (!actor) throw missingActor(actorId)
  return actor
}

function checkPosition(position: CanvasPosition): void {
  if (!Number.isFinite(position.x) || !Number.isFinite(position.y)) {
    throw new TroupeValidationError([
      {
        code: issueCodes.invalidShape,
        path: ['position'],
        message: `a canvas position needs finite numbers x and y, got ${JSON.stringify(position)}`,
      },
    ])
  }
}
