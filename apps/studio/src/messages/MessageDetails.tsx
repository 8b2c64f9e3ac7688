import { finalState, type Json, stateDiff } from '@troupe/core'
import { projectDefinition, stateAfter, stateBefore } from '@troupe/documents'
import type { LogEntry } from '@troupe/runtime'
import { useMemo } from 'react'
import { useStudio } from '../app/StudioContext'
import { outcomeText } from './messageFilter'

/**
 * One message in full, and the state change it caused: the instance's state before and after
 * the change that appended it, from the document's history. Messages of one event's cascade
 * are one change, so they share the diff (the panel says how many messages it covers).
 */
export function MessageDetails({ index, entry }: { index: number; entry: LogEntry }) {
  const { project, instance } = useStudio()
  const result = useMemo(() => {
    try {
      // Compared as the views see it: initial contexts with the instance's writes on top.
      const definition = projectDefinition(project.doc())
      const seen = (state: ReturnType<typeof stateAfter>) =>
        finalState(definition, state) as unknown as Json
      const changes = stateDiff(
        seen(stateBefore(instance, index)),
        seen(stateAfter(instance, index)),
      )
      return { changes, error: null }
    } catch (error) {
      return { changes: [], error: error instanceof Error ? error.message : String(error) }
    }
  }, [project, instance, index])
  const { message } = entry
  return (
    <section className="messages-details" aria-label="Message details">
      <h3>
        {message.type}: {message.from} → {message.to}
      </h3>
      <dl>
        <dt>Skill</dt>
        <dd>{entry.skill ?? 'none'}</dd>
        <dt>Outcome</dt>
        <dd>{outcomeText(entry)}</dd>
        <dt>Payload</dt>
        <dd>
          <pre>{JSON.stringify(message.payload, null, 2)}</pre>
        </dd>
      </dl>
      <h3>State change</h3>
      {result.error ? (
        <p role="alert">{result.error}</p>
      ) : result.changes.length === 0 ? (
        <p>No state changed.</p>
      ) : (
        <ul aria-label="State diff" className="messages-diff">
          {result.changes.map((change) => (
            <li key={change.path}>
              <code>{change.path}</code>:{' '}
              <del>{'before' in change ? JSON.stringify(change.before) : '(absent)'}</del> →{' '}
              <ins>{'after' in change ? JSON.stringify(change.after) : '(removed)'}</ins>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
