import { payloadObject, requireString, type Skill } from './types'

/** `@actor/emit { event, payload? }`: the receiving actor raises `event` to its own subscriptions. */
const emit: Skill = (ctx, payload) => {
  const p = payloadObject('@actor/emit', payload)
  ctx.emit(requireString('@actor/emit', p, 'event'), p.payload ?? {})
}

export const actorSkills: Record<string, Skill> = { '@actor/emit': emit }
