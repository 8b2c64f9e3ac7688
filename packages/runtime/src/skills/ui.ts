import { setContextPath } from '../context-path'
import { payloadObject, requireString, type Skill } from './types'

/** `@ui/updateInput { fieldPath, value? }`: sets a context path (to '' without a value). */
const updateInput: Skill = (ctx, payload) => {
  const p = payloadObject('@ui/updateInput', payload)
  setContextPath(ctx, requireString('@ui/updateInput', p, 'fieldPath'), p.value ?? '')
}

/** `@ui/clearInput { fieldPath }`: empties a form field's context path. */
const clearInput: Skill = (ctx, payload) => {
  const p = payloadObject('@ui/clearInput', payload)
  setContextPath(ctx, requireString('@ui/clearInput', p, 'fieldPath'), '')
}

/**
 * `@ui/toggleVisible { visible? }`: sets `context.visible`, or flips it. An actor without
 * `visible` renders (only `false` hides it), so flipping a missing value hides it.
 */
const toggleVisible: Skill = (ctx, payload) => {
  const p = payload === null ? {} : payloadObject('@ui/toggleVisible', payload)
  const value = typeof p.visible === 'boolean' ? p.visible : ctx.context().visible === false
  ctx.write({ kind: 'setContext', actorId: ctx.actorId, key: 'visible', value })
}

export const uiSkills: Record<string, Skill> = {
  '@ui/updateInput': updateInput,
  '@ui/clearInput': clearInput,
  '@ui/toggleVisible': toggleVisible,
}
