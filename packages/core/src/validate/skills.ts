import { z } from 'zod'
import { issueCodes, type JsonPath, type TroupeIssue } from '../issues'
import { isBuiltInSkill, isReservedSkillName } from '../model/built-in-skills'
import type { ProjectFile } from '../model/project'
import { projectSkillSchema } from '../model/skill'
import { findUnsafeKeys, stripUnsafeKeys } from '../safety/keys'
import { checkValue, IssueList } from './values'

/** The `skills` of a project file: project-defined skills by name. */
export const projectSkillsSchema = z.record(z.string(), projectSkillSchema)
export type ProjectSkills = NonNullable<ProjectFile['skills']>

/**
 * What the schema cannot say about well-shaped skills: reserved names (TRP-143), steps that
 * name no built-in skill (TRP-142), and unsafe values in payloads and guards (TRP-12x).
 * Paths start at `skills`.
 */
export function checkSkills(skills: ProjectFile['skills']): TroupeIssue[] {
  const out = new IssueList()
  for (const name of Object.keys(skills ?? {})) {
    const skill = skills![name]!
    const at = ['skills', name]
    if (isReservedSkillName(name)) {
      out.add(
        issueCodes.reservedSkillName,
        `"${name}": names starting with @ are reserved for built-in skills`,
        at,
      )
    }
    if (skill.when !== undefined) checkValue(skill.when, [...at, 'when'], out)
    skill.steps.forEach((step, i) => {
      const stepAt = [...at, 'steps', i]
      if (!isBuiltInSkill(step.skill)) {
        out.add(issueCodes.unknownSkill, `step skill "${step.skill}" is not a built-in skill`, [
          ...stepAt,
          'skill',
        ])
      }
      if (step.payload !== undefined) checkValue(step.payload, [...stepAt, 'payload'], out)
      if (step.when !== undefined) checkValue(step.when, [...stepAt, 'when'], out)
    })
  }
  return out.issues
}

/**
 * Validates a project's `skills` on their own (the studio's skills editor checks its text
 * with this before writing): shape (TRP-101), prototype keys (TRP-127) and checkSkills.
 * Paths start at `skills`, as in a project file.
 */
export function validateSkills(
  input: unknown,
): { ok: true; skills: ProjectSkills } | { ok: false; issues: TroupeIssue[] } {
  const issues: TroupeIssue[] = findUnsafeKeys(input).map((path) => ({
    code: issueCodes.unsafeKey,
    message: `"${String(path[path.length - 1])}" is not allowed as a key`,
    path: ['skills', ...path],
  }))
  const parsed = projectSkillsSchema.safeParse(stripUnsafeKeys(input))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({
        code: issueCodes.invalidShape,
        message: issue.message,
        path: ['skills', ...(issue.path as JsonPath)],
      })
    }
    return { ok: false, issues }
  }
  issues.push(...checkSkills(parsed.data))
  return issues.length ? { ok: false, issues } : { ok: true, skills: parsed.data }
}
