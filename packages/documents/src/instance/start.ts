import type { DocHandle, Repo } from '@automerge/automerge-repo'
import type { InstanceState } from '@troupe/core'
import { initialState } from '@troupe/runtime'
import { toProjectFile } from '../project/definition'
import { type InstanceDoc, newInstanceDoc } from '../schema/instance'
import type { ProjectDoc } from '../schema/project'
import { plain } from '../write-json'
import { initialContainers } from './containers'
import { stateAfter } from './history'

/**
 * Starts a new running instance of a project and makes it the project's instance
 * (`instanceUrl`), so every studio on the project follows. Without `state` it starts from
 * the project's initial state; the previous instance document is left as it was.
 */
export function startInstance(
  repo: Repo,
  project: DocHandle<ProjectDoc>,
  state?: InstanceState,
): DocHandle<InstanceDoc> {
  const file = toProjectFile(project.doc())
  const start = initialContainers(file, state ?? initialState(file))
  const instance = repo.create<InstanceDoc>(plain(newInstanceDoc(project.url, start)))
  project.change((doc) => {
    doc.instanceUrl = instance.url
  })
  return instance
}

/**
 * "Fork from here": a new instance whose state is `from`'s state right after message
 * `messageIndex`; `from` itself is not touched. The fork's log starts empty.
 */
export function forkInstance(
  repo: Repo,
  project: DocHandle<ProjectDoc>,
  from: DocHandle<InstanceDoc>,
  messageIndex: number,
): DocHandle<InstanceDoc> {
  return startInstance(repo, project, stateAfter(from, messageIndex))
}
