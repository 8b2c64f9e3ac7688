import {
  formatPath,
  issueCodes,
  type Json,
  jsonSchema,
  type RaisedEvent,
  type TroupeIssue,
} from '@troupe/core'

export type EventsResult =
  | { ok: true; events: RaisedEvent[] }
  | { ok: false; issues: TroupeIssue[] }

/**
 * Reads an events file: a JSON list of `{ from, event, payload? }`, each raised by actor
 * `from` with its payload already resolved (as a view would have sent it). Every problem is
 * reported, with its path in the file, and actors the project does not have are refused here
 * rather than silently doing nothing.
 */
export function parseEventsText(text: string, actorIds: ReadonlySet<string>): EventsResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return fail([
      { code: issueCodes.invalidJson, path: [], message: `not JSON: ${(error as Error).message}` },
    ])
  }
  if (!Array.isArray(data)) {
    return fail([
      {
        code: issueCodes.invalidShape,
        path: [],
        message: 'expected a list of { from, event, payload? }',
      },
    ])
  }
  const issues: TroupeIssue[] = []
  const events: RaisedEvent[] = []
  data.forEach((entry: unknown, index) => {
    const at = (key?: string) => (key ? [index, key] : [index])
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      issues.push({
        code: issueCodes.invalidShape,
        path: at(),
        message: 'expected { from, event, payload? }',
      })
      return
    }
    const { from, event, payload, ...rest } = entry as Record<string, unknown>
    for (const key of Object.keys(rest)) {
      issues.push({
        code: issueCodes.invalidShape,
        path: at(key),
        message: `unknown field "${key}" (allowed: from, event, payload)`,
      })
    }
    if (typeof from !== 'string') {
      issues.push({
        code: issueCodes.invalidShape,
        path: at('from'),
        message: 'expected the id of the actor raising the event',
      })
    } else if (!actorIds.has(from)) {
      issues.push({
        code: issueCodes.missingActor,
        path: at('from'),
        message: `the project has no actor "${from}"`,
      })
    }
    if (typeof event !== 'string' || !event) {
      issues.push({
        code: issueCodes.invalidShape,
        path: at('event'),
        message: 'expected a message type such as "@input/updateContext"',
      })
    }
    if (payload !== undefined && !jsonSchema.safeParse(payload).success) {
      issues.push({ code: issueCodes.invalidShape, path: at('payload'), message: 'expected JSON' })
    }
    if (typeof from === 'string' && typeof event === 'string') {
      events.push(
        payload === undefined ? { from, event } : { from, event, payload: payload as Json },
      )
    }
  })
  return issues.length ? fail(issues) : { ok: true, events }
}

function fail(issues: TroupeIssue[]): EventsResult {
  return { ok: false, issues }
}

/** An events-file issue as one line: `events.json[2].from: TRP-110 …`. */
export function formatEventsIssue(file: string, issue: TroupeIssue): string {
  const path = formatPath(issue.path)
  return `${issue.code} ${file}${path.startsWith('[') || !path ? path : `.${path}`}: ${issue.message}`
}
