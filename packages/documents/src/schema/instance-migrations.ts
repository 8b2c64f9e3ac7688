import { ImmutableString } from '@automerge/automerge-repo'
import type { JsonObject } from '@troupe/core'
import { plain } from '../write-json'
import { toBuckets } from './entity-buckets'
import type { InstanceDoc } from './instance'
import { INSTANCE_DOC_TYPE, INSTANCE_DOC_VERSION, LOG_SEGMENT_SIZE } from './instance'
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
    // Version 1 kept the log as one flat list; version 2 keeps it in segments.
    1: (doc) => {
      const flat = (doc.log ?? []) as unknown[]
      const segments: unknown[][] = []
      for (let i = 0; i < flat.length; i += LOG_SEGMENT_SIZE) {
        segments.push(flat.slice(i, i + LOG_SEGMENT_SIZE).map(copyEntry))
      }
      doc.log = segments
    },
    // Version 2 kept each schema's entities in one map; version 3 spreads them over buckets.
    2: (doc) => {
      const entities = (doc.entities ?? {}) as Record<string, Record<string, unknown>>
      for (const schema of Object.keys(entities)) {
        // Plain copies: inside a change a value read from the document cannot be stored again.
        const byId = plain(entities[schema] ?? {}) as Record<string, JsonObject>
        entities[schema] = toBuckets(byId)
      }
    },
  },
}

/** Brings an instance document (plain or change proxy) to the current version in place. */
export function migrateInstance(doc: Partial<InstanceDoc> | Record<string, unknown>): boolean {
  return runMigrations(doc as Record<string, unknown>, instanceMigrations)
}

/**
 * A fresh value for a moved entry: inside a change an entry read from the document cannot be
 * inserted again, and a plain object (an old document read outside Automerge) may hold a string.
 */
function copyEntry(entry: unknown): ImmutableString {
  if (entry instanceof ImmutableString) return new ImmutableString(entry.val)
  if (typeof entry === 'string') return new ImmutableString(entry)
  const val = (entry as { val?: unknown } | null)?.val
  return new ImmutableString(typeof val === 'string' ? val : JSON.stringify(entry))
}
