import type { InstanceDoc } from './instance'
import { INSTANCE_DOC_TYPE, INSTANCE_DOC_VERSION } from './instance'
import { type MigrationChain, runMigrations } from './migrate'

/** Version 0 is an instance document written before documents carried a version. */
export const instanceMigrations: MigrationChain = {
  type: INSTANCE_DOC_TYPE,
  current: INSTANCE_DOC_VERSION,
  steps: {
    0: (doc) => {
      doc.actors ??= {}
      doc.entities ??= {}
      doc.log ??= []
      doc.project ??= ''
    },
  },
}

/** Brings an instance document (plain or change proxy) to the current version in place. */
export function migrateInstance(doc: Partial<InstanceDoc> | Record<string, unknown>): boolean {
  return runMigrations(doc as Record<string, unknown>, instanceMigrations)
}
