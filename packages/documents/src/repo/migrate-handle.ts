import type { DocHandle } from '@automerge/automerge-repo'
import { type MigrationChain, needsMigration, runMigrations } from '../schema/migrate'

/**
 * Migrates a handle's document inside one change, only when needed, so a current document is
 * written nothing. Only the type and version are read to decide: a plain copy of the document
 * to probe on cost a JSON round trip of the whole current epoch (its log included) on every
 * open. Returns whether it migrated.
 */
export function migrateHandle<T>(handle: DocHandle<T>, chain: MigrationChain): boolean {
  if (!needsMigration(handle.doc() as { type?: unknown; version?: unknown }, chain)) return false
  handle.change((d) => {
    runMigrations(d as Record<string, unknown>, chain)
  })
  return true
}
