import type { IssueCode } from '@troupe/core'

/** A refused backup or restore; `message` starts with the TRP code and says what to do. */
export class BackupError extends Error {
  override name = 'BackupError'
  constructor(
    readonly code: IssueCode,
    reason: string,
  ) {
    super(`${code} ${reason}`)
  }
}
