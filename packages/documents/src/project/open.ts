import type { AnyDocumentId, DocHandle, Repo } from '@automerge/automerge-repo'
import { createInstance } from '../instance/create-instance'
import { currentEpoch } from '../instance/epochs'
import { migrateHandle } from '../repo/migrate-handle'
import { type SnapshotSource, seedFromSnapshot } from '../repo/snapshot'
import type { InstanceDoc } from '../schema/instance'
import { instanceMigrations } from '../schema/instance-migrations'
import type { ProjectDoc } from '../schema/project'
import { projectMigrations } from '../schema/project-migrations'
import type { ProjectHandles } from './create'
import { toProjectFile } from './definition'

/**
 * Opens a project by URL (from this repo's storage or through its peers) together with its
 * instance, migrating both to the current schema version. A project whose instance is missing
 * (never created) gets a fresh one, recorded in the project. The instance handle is its
 * current epoch (see instance/epochs.ts). With `snapshot` (the studio: the server's saved
 * copy), a document this repo does not hold yet is loaded from it instead of synced whole
 * (see repo/snapshot.ts).
 */
export async function openProject(
  repo: Repo,
  url: AnyDocumentId,
  options: { snapshot?: SnapshotSource } = {},
): Promise<ProjectHandles> {
  const find = async <T>(id: AnyDocumentId) => {
    if (options.snapshot) await seedFromSnapshot(repo, id, options.snapshot)
    return repo.find<T>(id)
  }
  const project = await find<ProjectDoc>(url)
  migrateHandle(project, projectMigrations)
  const doc = project.doc()
  let instance: DocHandle<InstanceDoc>
  if (doc.instanceUrl) {
    // The pointer may lag behind the instance's epochs (a rotation made offline elsewhere).
    instance = await currentEpoch(repo, await find<InstanceDoc>(doc.instanceUrl as AnyDocumentId))
    migrateHandle(instance, instanceMigrations)
  } else {
    instance = createInstance(repo, project.url, toProjectFile(doc))
    project.change((d) => {
      d.instanceUrl = instance.url
    })
  }
  return { project, instance }
}
