import type { ActorDefinition, JsonObject, ProjectFile } from '@troupe/core'

export const PROJECT_DOC_TYPE = 'troupe/project'
export const PROJECT_DOC_VERSION = 1

export interface CanvasPosition {
  x: number
  y: number
}

/** An actor as the project document stores it: its definition plus where it sits on the canvas. */
export type ActorEntry = ActorDefinition & { position: CanvasPosition }

/**
 * The project document: the definition of one app. Editing it never touches running state,
 * which lives in the instance document named by `instanceUrl`.
 */
export interface ProjectDoc {
  type: typeof PROJECT_DOC_TYPE
  version: number
  name: string
  root: string
  actors: Record<string, ActorEntry>
  skills: NonNullable<ProjectFile['skills']>
  settings: NonNullable<ProjectFile['settings']>
  /** Entities a new instance starts with, as the project file writes them (by schema). */
  entities: Record<string, JsonObject[]>
  /** The studio's running instance of this project (an Automerge URL), empty until created. */
  instanceUrl: string
}
