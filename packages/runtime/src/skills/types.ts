import type { IssueCode, Json, JsonObject, Message, ProjectDefinition } from '@troupe/core'
import { issueCodes } from '@troupe/core'
import type { StateEffect } from '../effects'
import type { Overlay } from '../overlay'

/** What a skill may read and do while handling one message. Writes stay pending until it succeeds. */
export interface SkillContext {
  readonly actorId: string
  readonly message: Message
  readonly definition: ProjectDefinition
  /** This message's overlay: reads see earlier messages' and this message's own writes. */
  readonly state: Overlay
  readonly now: () => number
  readonly newId: () => string
  /** The actor's context: the definition's initial context with the instance's writes. */
  context(): JsonObject
  write(effect: StateEffect): void
  /** Raises an event from this actor; delivered along its subscriptions after this message succeeds. */
  emit(event: string, payload: Json): void
}

export type Skill = (ctx: SkillContext, payload: Json) => void

/** A skill refused its message; nothing the message did is kept. */
export class SkillError extends Error {
  constructor(
    message: string,
    readonly code: IssueCode = issueCodes.skillFailed,
  ) {
    super(message)
    this.name = 'SkillError'
  }
}

export function payloadObject(skill: string, payload: Json): JsonObject {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new SkillError(`${skill} needs an object payload, got ${JSON.stringify(payload)}`)
  }
  return payload
}

export function requireString(skill: string, payload: JsonObject, field: string): string {
  const value = payload[field]
  if (typeof value === 'string' && value !== '') return value
  if (typeof value === 'number') return String(value)
  throw new SkillError(`${skill} needs "${field}" in its payload`)
}
