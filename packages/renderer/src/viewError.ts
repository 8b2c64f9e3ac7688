import { type IssueCode, issueCodes, type JsonPath, type TroupeIssue } from '@troupe/core'

/**
 * A problem found while rendering one actor, with the JSON path (from the actor definition,
 * so it starts at `view`) of the node that caused it. The actor's error boundary turns it into
 * the inline error box; the rest of the app keeps rendering.
 */
export class ViewError extends Error {
  constructor(
    readonly code: IssueCode,
    readonly detail: string,
    readonly path: JsonPath,
  ) {
    super(`${code}: ${detail}`)
    this.name = 'ViewError'
  }

  /** Wraps anything thrown at `path`; core's expression errors keep their code and inner path. */
  static from(error: unknown, path: JsonPath): ViewError {
    if (error instanceof ViewError) return error
    if (isCodedError(error)) {
      const inner = Array.isArray(error.path) ? error.path : []
      const detail = typeof error.detail === 'string' ? error.detail : error.message
      return new ViewError(error.code, detail, [...path, ...inner])
    }
    const message = error instanceof Error ? error.message : String(error)
    return new ViewError(issueCodes.renderFailed, message, path)
  }

  toIssue(actorId: string): TroupeIssue {
    return { code: this.code, message: this.detail, actorId, path: this.path }
  }
}

interface CodedError {
  code: IssueCode
  message: string
  detail?: unknown
  path?: unknown
}

const knownCodes = new Set<string>(Object.values(issueCodes))

function isCodedError(error: unknown): error is CodedError {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    knownCodes.has(error.code)
  )
}

/**
 * Runs `read` and re-throws any failure as a ViewError located at `path` + `rest`. The path
 * is only built when something failed: this runs for every binding of every row.
 */
export function at<T>(path: JsonPath, rest: JsonPath, read: () => T): T {
  try {
    return read()
  } catch (error) {
    throw ViewError.from(error, [...path, ...rest])
  }
}
