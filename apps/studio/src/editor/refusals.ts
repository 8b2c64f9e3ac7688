import { formatIssue, TroupeValidationError } from '@troupe/core'

/**
 * Runs a document write and returns why it was refused (each problem with its TRP code,
 * actor and path), or nothing when it was written. The editors keep their draft on refusal.
 */
export function refusalsOf(write: () => void): string[] {
  try {
    write()
    return []
  } catch (error) {
    return error instanceof TroupeValidationError
      ? error.issues.map(formatIssue)
      : [error instanceof Error ? error.message : String(error)]
  }
}
