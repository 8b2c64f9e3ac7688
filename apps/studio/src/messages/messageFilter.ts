import type { LogEntry } from '@troupe/runtime'

export type Outcome = LogEntry['outcome']
export const outcomes: readonly Outcome[] = ['handled', 'unhandled', 'failed', 'cascade-stopped']

export interface MessageFilter {
  /** An actor id: messages from it or to it. Empty: every actor. */
  actor: string
  type: string
  outcome: Outcome | ''
}

export const noFilter: MessageFilter = { actor: '', type: '', outcome: '' }

export function matches(entry: LogEntry, filter: MessageFilter): boolean {
  const { message } = entry
  return (
    (!filter.actor || message.from === filter.actor || message.to === filter.actor) &&
    (!filter.type || message.type === filter.type) &&
    (!filter.outcome || entry.outcome === filter.outcome)
  )
}

/** The outcome as the panel says it: the failure's reason is part of it. */
export function outcomeText(entry: LogEntry): string {
  if (entry.outcome === 'failed') {
    return `failed: ${entry.error ? `${entry.error.code} ${entry.error.message}` : 'no reason given'}`
  }
  if (entry.outcome === 'cascade-stopped') return 'cascade stopped'
  return entry.note ? `${entry.outcome} (${entry.note})` : entry.outcome
}
