import { isSafeKey } from '@troupe/core'
import { payloadObject, type Skill } from './types'

/** `@input/updateContext { key: value, … }`: merges every key into the receiving actor's context. */
const updateContext: Skill = (ctx, payload) => {
  const values = payloadObject('@input/updateContext', payload)
  for (const key of Object.keys(values)) {
    if (isSafeKey(key))
      ctx.write({ kind: 'setContext', actorId: ctx.actorId, key, value: values[key]! })
  }
}

export const inputSkills: Record<string, Skill> = { '@input/updateContext': updateContext }
