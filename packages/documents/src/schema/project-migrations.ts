import { type MigrationChain, runMigrations } from './migrate'
import type { ProjectDoc } from './project'
import { PROJECT_DOC_TYPE, PROJECT_DOC_VERSION } from './project'

/**
 * Version 0 is a project document written before documents carried a version: it may lack
 * skills, settings, initial entities, the instance URL and actor positions.
 */
export const projectMigrations: MigrationChain = {
  type: PROJECT_DOC_TYPE,
  current: PROJECT_DOC_VERSION,
  steps: {
    0: (doc) => {
      doc.skills ??= {}
      doc.settings ??= {}
      doc.entities ??= {}
      doc.instanceUrl ??= ''
      doc.actors ??= {}
      const actors = doc.actors as Record<string, Record<string, unknown>>
      let column = 0
      for (const id of Object.keys(actors)) {
        const actor = actors[id]!
        actor.position ??= { x: 80 + 240 * (column % 4), y: 80 + 160 * Math.floor(column / 4) }
        column++
      }
    },
  },
}

/** Brings a project document (plain or change proxy) to the current version in place. */
export function migrateProject(doc: Partial<ProjectDoc> | Record<string, unknown>): boolean {
  return runMigrations(doc as Record<string, unknown>, projectMigrations)
}
