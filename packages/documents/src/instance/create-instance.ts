import type { DocHandle, Repo } from '@automerge/automerge-repo'
import type { ProjectFile } from '@troupe/core'
import { initialState } from '@troupe/runtime'
import { type InstanceDoc, newInstanceDoc } from '../schema/instance'
import { plain } from '../write-json'
import { initialContainers } from './containers'

/**
 * A new running instance of a definition, in its initial state (every container created up
 * front, see containers.ts). `projectUrl` names the project it runs, for the record.
 */
export function createInstance(
  repo: Repo,
  projectUrl: string,
  file: ProjectFile,
): DocHandle<InstanceDoc> {
  const state = initialContainers(file, initialState(file))
  return repo.create<InstanceDoc>(plain(newInstanceDoc(projectUrl, state)))
}
