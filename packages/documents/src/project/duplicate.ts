import type { DocHandle, Repo } from '@automerge/automerge-repo'
import type { ProjectDoc } from '../schema/project'
import { createProject, type ProjectHandles } from './create'
import { toProjectFile } from './definition'

/**
 * A new project with a copy of this one's definition (actors, skills, settings, initial
 * entities, canvas positions) and a fresh instance started from it: the copy's running
 * state starts over, and neither project's edits reach the other.
 */
export function duplicateProject(
  repo: Repo,
  source: DocHandle<ProjectDoc>,
  name?: string,
): ProjectHandles {
  const doc = source.doc()
  const positions = Object.fromEntries(
    Object.entries(doc.actors).map(([id, actor]) => [
      id,
      { x: actor.position.x, y: actor.position.y },
    ]),
  )
  return createProject(repo, {
    from: toProjectFile(doc),
    name: name ?? `${doc.name} (copy)`,
    positions,
  })
}
