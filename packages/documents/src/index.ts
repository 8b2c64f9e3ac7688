/**
 * @troupe/documents, platform-free part: document schemas and migrations, project and
 * instance operations over automerge-repo handles. Repo set-up lives in ./node and ./browser.
 */
export type { AnyDocumentId, AutomergeUrl, DocHandle, Repo } from '@automerge/automerge-repo'
export { isValidAutomergeUrl } from '@automerge/automerge-repo'
export { repairContainers, schemasOf, watchContainers } from './instance/containers'
export { createInstance } from './instance/create-instance'
export * from './instance/epochs'
export * from './instance/event-queue'
export * from './instance/events'
export * from './instance/forward'
export * from './instance/history'
export * from './instance/live-instance'
export * from './instance/start'
export * from './instance/state'
export {
  type AddActorOptions,
  addActor,
  removeActor,
  setActorContext,
  setActorDependencies,
  setActorPosition,
  setActorRole,
  setActorView,
} from './project/actors'
export * from './project/bulk'
export * from './project/create'
export * from './project/definition'
export * from './project/duplicate'
export { editProject } from './project/edit'
export { newActorId } from './project/ids'
export * from './project/links'
export * from './project/open'
export { rebase } from './project/rebase'
export * from './project/rename'
export { breaksGraphRules, repairedGraph, repairProject, watchProject } from './project/repair'
export * from './project/skills'
export * from './project/undo'
export { hashAppKey } from './publish/app-key'
export * from './publish/publish'
export * from './publish/versions'
export { afterChange } from './repo/after-change'
export * from './repo/presence'
export * from './repo/share-policy'
export * from './repo/snapshot'
export * from './repo/stable-doc'
export * from './repo/synced'
export * from './repo/when-connected'
export * from './repo/when-doc'
export * from './schema/app'
export * from './schema/instance'
export * from './schema/instance-migrations'
export * from './schema/migrate'
export * from './schema/project'
export * from './schema/project-migrations'
export * from './workspace/projects'
export * from './workspace/schema'
export { deepEqual, plain, writeJson } from './write-json'
