import type { DocHandle } from '@automerge/automerge-repo'
import type { ProjectFile } from '@troupe/core'
import type { ProjectDoc } from '../schema/project'
import { editProject } from './edit'

/**
 * Replaces the project-defined skills, validated with the whole project (a refused edit
 * throws TroupeValidationError and writes nothing) and written as the smallest change, so
 * two people editing different skills both keep their edits.
 */
export function setProjectSkills(
  handle: DocHandle<ProjectDoc>,
  skills: NonNullable<ProjectFile['skills']>,
): void {
  editProject(handle, (draft) => {
    draft.skills = skills
  })
}
