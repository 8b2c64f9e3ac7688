import { issueCodes, TroupeValidationError } from '@troupe/core'

/** One step of a migration chain: mutates a document (or change proxy) from version n to n+1. */
export type MigrationStep = (doc: Record<string, unknown>) => void

export interface MigrationChain {
  type: string
  current: number
  /** steps[n] migrates version n to n+1. */
  steps: Record<number, MigrationStep>
}

/**
 * Runs every step between the document's version and the current one, in place. Works on a
 * plain object and on an Automerge change proxy, so opening an old document migrates it inside
 * one change. Returns whether anything changed. A document from a newer Troupe, or of another
 * type, is refused rather than guessed at.
 */
export function runMigrations(doc: Record<string, unknown>, chain: MigrationChain): boolean {
  const from = versionOf(doc, chain)
  for (let v = from; v < chain.current; v++) {
    const step = chain.steps[v]
    if (!step) throw refuse(`no migration from ${chain.type} version ${v}`)
    step(doc)
    doc.version = v + 1
  }
  if (doc.type === undefined) doc.type = chain.type
  return from !== chain.current
}

/**
 * Whether `doc` needs migrating, reading only its type and version (no copy of the document:
 * opening a current one should cost nothing). Refuses as runMigrations does.
 */
export function needsMigration(
  doc: { type?: unknown; version?: unknown },
  chain: MigrationChain,
): boolean {
  return doc.type === undefined || versionOf(doc, chain) !== chain.current
}

/** The document's version; refuses another type or a version newer than the chain's. */
function versionOf(doc: { type?: unknown; version?: unknown }, chain: MigrationChain): number {
  if (doc.type !== undefined && doc.type !== chain.type) {
    throw refuse(`expected a ${chain.type} document, found ${String(doc.type)}`)
  }
  const from = typeof doc.version === 'number' ? doc.version : 0
  if (from > chain.current) {
    throw refuse(
      `${chain.type} version ${from} is newer than this Troupe understands (${chain.current}); update Troupe`,
    )
  }
  return from
}

function refuse(message: string): TroupeValidationError {
  return new TroupeValidationError([{ code: issueCodes.unsupportedVersion, message, path: [] }])
}
