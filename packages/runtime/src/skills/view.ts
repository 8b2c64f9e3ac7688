import { isPlainObject } from '@troupe/core'
import { payloadObject, type Skill, SkillError } from './types'

/**
 * `@view/swapActors { viewMode }` sets `context.viewMode` and shows `context.viewActors[viewMode]`;
 * `{ targetActorId }` shows that actor. The actor's children become exactly that one actor.
 */
const swapActors: Skill = (ctx, payload) => {
  const p = payloadObject('@view/swapActors', payload)
  const viewMode = p.viewMode
  let target = p.targetActorId
  if (typeof viewMode === 'string') {
    ctx.write({ kind: 'setContext', actorId: ctx.actorId, key: 'viewMode', value: viewMode })
    if (target === undefined) {
      const viewActors = ctx.context().viewActors
      target =
        isPlainObject(viewActors) && Object.hasOwn(viewActors, viewMode)
          ? viewActors[viewMode]
          : undefined
      if (typeof target !== 'string') {
        throw new SkillError(
          `@view/swapActors: context.viewActors has no actor for view mode "${viewMode}"`,
        )
      }
    }
  }
  if (typeof target !== 'string')
    throw new SkillError('@view/swapActors needs "viewMode" or "targetActorId"')
  if (!Object.hasOwn(ctx.definition.actors, target)) {
    throw new SkillError(`@view/swapActors: no actor "${target}"`)
  }
  ctx.write({ kind: 'setChildren', actorId: ctx.actorId, children: [target] })
}

export const viewSkills: Record<string, Skill> = { '@view/swapActors': swapActors }
