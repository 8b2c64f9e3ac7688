import type {
  InstanceState,
  Json,
  JsonObject,
  Message,
  ProjectDefinition,
  RaisedEvent,
  TroupeIssue,
} from '@troupe/core'
import {
  DEFAULT_CASCADE_LIMIT,
  ExpressionError,
  isReservedSkillName,
  isSafeKey,
  issueCodes,
} from '@troupe/core'
import type { StateEffect } from './effects'
import { newSortableId } from './ids'
import { Overlay, StateReader, type StateSource } from './overlay'
import { runProjectSkill } from './skills/project-skill'
import { builtInSkill } from './skills/registry'
import { type SkillContext, SkillError } from './skills/types'

export interface LogEntry {
  message: Message
  outcome: 'handled' | 'unhandled' | 'failed' | 'cascade-stopped'
  /** The skill that handled (or failed on) the message: a built-in type or a project skill name. */
  skill?: string
  error?: TroupeIssue
  /** 0 for messages of the raised event, +1 for each `@actor/emit` in between. */
  depth: number
  /** Set when a project skill's guard was falsy, so it ran no step. */
  note?: string
}

export interface EventResult {
  effects: StateEffect[]
  log: LogEntry[]
  stopped?: TroupeIssue
}

export interface ProcessOptions {
  now?: () => number
  newId?: () => string
  cascadeLimit?: number
}

type Queued = { message: Message; depth: number }

function actorExists(definition: ProjectDefinition, id: string): boolean {
  return isSafeKey(id) && Object.hasOwn(definition.actors, id)
}

function failure(error: unknown, actorId: string): TroupeIssue {
  if (error instanceof SkillError || error instanceof ExpressionError) {
    const message = error instanceof ExpressionError ? error.detail : error.message
    return { code: error.code, message, actorId, path: [] }
  }
  // A bug in a skill still must not break the cascade or leave half a message applied.
  const message = error instanceof Error ? error.message : String(error)
  return { code: issueCodes.skillFailed, message: `skill crashed: ${message}`, actorId, path: [] }
}

/**
 * Runs one raised event to the end of its cascade over a copy-on-write overlay of `state`
 * (never mutated) and returns the effects to apply and the log. Messages are handled
 * breadth-first in order; each message's effects are kept all together or not at all.
 */
export function processEvent(
  definition: ProjectDefinition,
  state: InstanceState,
  event: RaisedEvent,
  options: ProcessOptions = {},
): EventResult {
  return processEventOver(definition, new StateReader(state), event, options)
}

/**
 * processEvent over any state source: a batch passes an overlay that already holds the
 * batch's earlier events, so each event sees them without anything being written.
 */
export function processEventOver(
  definition: ProjectDefinition,
  source: StateSource,
  event: RaisedEvent,
  options: ProcessOptions = {},
): EventResult {
  const now = options.now ?? Date.now
  const newId = options.newId ?? newSortableId
  const limit = options.cascadeLimit ?? definition.settings?.cascadeLimit ?? DEFAULT_CASCADE_LIMIT
  const committed = new Overlay(source)
  const log: LogEntry[] = []
  const queue: Queued[] = []

  if (!actorExists(definition, event.from)) {
    const stopped: TroupeIssue = {
      code: issueCodes.missingActor,
      message: `event "${event.event}" raised by missing actor "${event.from}"`,
      path: [],
    }
    return { effects: [], log, stopped }
  }

  const raise = (from: string, type: string, payload: Json, depth: number) => {
    for (const to of definition.actors[from]?.subscriptions ?? []) {
      queue.push({ message: { id: newId(), type, payload, from, to, timestamp: now() }, depth })
    }
  }

  const handle = ({ message, depth }: Queued): LogEntry => {
    const actorId = message.to
    if (!actorExists(definition, actorId)) {
      const error = { code: issueCodes.missingActor, message: `no actor "${actorId}"`, path: [] }
      return { message, outcome: 'failed', error, depth }
    }
    const builtIn = builtInSkill(message.type)
    const projectSkill =
      !builtIn &&
      !isReservedSkillName(message.type) &&
      definition.skills &&
      Object.hasOwn(definition.skills, message.type)
        ? definition.skills[message.type]
        : undefined
    if (!builtIn && !projectSkill) return { message, outcome: 'unhandled', depth }

    const pending = new Overlay(committed)
    const emitted: { event: string; payload: Json }[] = []
    const ctx: SkillContext = {
      actorId,
      message,
      definition,
      state: pending,
      now,
      newId,
      context: (): JsonObject => ({
        ...definition.actors[actorId]!.context,
        ...pending.context(actorId),
      }),
      write: (effect) => pending.apply(effect),
      emit: (type, payload) => {
        emitted.push({ event: type, payload })
      },
    }
    let ran = true
    try {
      if (builtIn) builtIn(ctx, message.payload)
      else ran = runProjectSkill(ctx, projectSkill!)
    } catch (error) {
      return {
        message,
        outcome: 'failed',
        skill: message.type,
        error: failure(error, actorId),
        depth,
      }
    }
    for (const effect of pending.effects) committed.apply(effect)
    for (const next of emitted) raise(actorId, next.event, next.payload, depth + 1)
    const entry: LogEntry = { message, outcome: 'handled', skill: message.type, depth }
    if (!ran) entry.note = 'guard was false; no step ran'
    return entry
  }

  raise(event.from, event.event, event.payload ?? {}, 0)
  let stopped: TroupeIssue | undefined
  for (let head = 0; head < queue.length; head++) {
    if (head >= limit) {
      const rest = queue.slice(head)
      for (const item of rest)
        log.push({ message: item.message, outcome: 'cascade-stopped', depth: item.depth })
      stopped = {
        code: issueCodes.cascadeStopped,
        message: `event "${event.event}" from "${event.from}" reached the cascade limit of ${limit} messages; ${rest.length} more were not delivered`,
        actorId: event.from,
        path: [],
      }
      break
    }
    log.push(handle(queue[head]!))
  }
  return stopped
    ? { effects: committed.effects, log, stopped }
    : { effects: committed.effects, log }
}
