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

/** What a skill's values mention, so the scope builds only that (query filling sorts every entity). */
type Needs = { queries: boolean; dependencies: boolean }
const needsCache = new WeakMap<ProjectSkill, Needs>()

function needsOf(skill: ProjectSkill): Needs {
  let needs = needsCache.get(skill)
  if (!needs) {
    const text = JSON.stringify(skill)
    needs = { queries: text.includes('queries'), dependencies: text.includes('dependencies') }
    needsCache.set(skill, needs)
  }
  return needs
}

/** The scope a project skill's values read: context (queries filled), payload, dependencies. */
function skillScope(ctx: SkillContext, needs: Needs): Scope {
  const state = ctx.state.asState()
  return {
    context: needs.queries ? fillQueries(ctx.context(), state) : ctx.context(),
    payload: ctx.message.payload,
    dependencies: needs.dependencies
      ? effectiveDependencies(ctx.definition, state, ctx.actorId)
      : {},
    now: ctx.now,
  }
}

/**
 * Runs a project-defined skill: its guard, then each step's guard and built-in skill with a
 * payload resolved in the literal/path/`$` language. Each step sees the previous steps'
 * writes. Returns false when the skill's own guard was falsy (nothing ran).
 */
export function runProjectSkill(ctx: SkillContext, skill: ProjectSkill): boolean {
  const needs = needsOf(skill)
  if (
    skill.when !== undefined &&
    !isTruthy(evaluateBinding(skill.when as Json, skillScope(ctx, needs)))
  ) {
    return false
  }
  for (const step of skill.steps) {
    const run = builtInSkill(step.skill)
    if (!run)
      throw new SkillError(
        `step skill "${step.skill}" is not a built-in skill`,
        issueCodes.unknownSkill,
      )
    const scope = skillScope(ctx, needs)
    if (step.when !== undefined && !isTruthy(evaluateBinding(step.when as Json, scope))) continue
    run(ctx, resolveValue((step.payload ?? {}) as Json, scope))
  }
  return true
}
