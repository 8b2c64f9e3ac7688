import type { DocHandle } from '@automerge/automerge-repo'
import { issueCodes, TroupeValidationError } from '@troupe/core'
import type { ProjectDoc } from '../schema/project'
import { editProject } from './edit'

/** Renames a project in its own document (the one place its name lives). */
export function renameProject(handle: DocHandle<ProjectDoc>, name: string): void {
  const trimmed = name.trim()
  if (!trimmed) {
    throw new TroupeValidationError([
      { code: issueCodes.invalidShape, message: 'a project name cannot be empty', path: ['name'] },
    ])
  }
  editProject(handle, (draft) => {
    draft.name = trimmed
  })
}
