import type { Json, TroupeIssue } from '@troupe/core'

/** Parses editor text, turning a syntax error into a TRP-100 issue with line and column. */
export function parseJsonText(
  text: string,
): { ok: true; value: Json } | { ok: false; issue: Pick<TroupeIssue, 'code' | 'message'> } {
  try {
    return { ok: true, value: JSON.parse(text) as Json }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, issue: { code: 'TRP-100', message: `Invalid JSON: ${message}` } }
  }
}
