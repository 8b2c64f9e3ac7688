import type { Json, ProjectSkill, Scope } from '@troupe/core'
import {
  effectiveDependencies,
  evaluateBinding,
  fillQueries,
  issueCodes,
  isTruthy,
  resolveValue,
} from '@troupe/core'
import { builtInSkill } from './registry'
import { type SkillContext, SkillError } from './types'

/** The scope a project skill's values read: context (queries filled), payload, dependencies. */
function skillScope(ctx: SkillContext): Scope {
  const state = ctx.state.asState()
  return {
    context: fillQueries(ctx.context(), state),
    payload: ctx.message.payload,
    dependencies: effectiveDependencies(ctx.definition, state, ctx.actorId),
    now: ctx.now,
  }
}

/**
 * Runs a project-defined skill: its guard, then each step's guard and built-in skill with a
 * payload resolved in the literal/path/`$` language. Each step sees the previous steps'
 * writes. Returns false when the skill's own guard was falsy (nothing ran).
 */
export function runProjectSkill(ctx: SkillContext, skill: ProjectSkill): boolean {
  if (skill.when !== undefined && !isTruthy(evaluateBinding(skill.when as Json, skillScope(ctx))))
    return false
  for (const step of skill.steps) {
    const run = builtInSkill(step.skill)
    if (!run)
      throw new SkillError(
        `step skill "${step.skill}" is not a built-in skill`,
        issueCodes.unknownSkill,
      )
    const scope = skillScope(ctx)
    if (step.when !== undefined && !isTruthy(evaluateBinding(step.when as Json, scope))) continue
    run(ctx, resolveValue((step.payload ?? {}) as Json, scope))
  }
  return true
}
