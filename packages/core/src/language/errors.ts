import type { IssueCode, JsonPath } from '../issues'

/**
 * Thrown when a value cannot be evaluated: a JavaScript string, an unknown operator or
 * operands of the wrong shape. `path` is relative to the value that was evaluated, so a
 * caller can prefix it with where the value sits (e.g. `['view', 'bindings', 'text']`).
 */
export class ExpressionError extends Error {
  constructor(
    readonly code: IssueCode,
    message: string,
    readonly path: JsonPath = [],
  ) {
    super(`${code}: ${message}`)
    this.name = 'ExpressionError'
  }

  /** The message without the code prefix, for a TroupeIssue. */
  get detail(): string {
    return this.message.slice(this.code.length + 2)
  }
}
