import type { ActorEntry, ProjectDoc } from '@troupe/documents'
import {
  linkChild,
  moveChild,
  setActorDependencies,
  subscribe,
  unlinkChild,
  unsubscribe,
} from '@troupe/documents'
import { useState } from 'react'
import { useStudio } from '../app/StudioContext'
import { attempt } from '../canvas/graphEdits'
import { ActorPicker } from './ActorPicker'

interface SectionProps {
  doc: ProjectDoc
  actorId: string
  actor: ActorEntry
}

const roleOf = (doc: ProjectDoc, id: string) => doc.actors[id]?.role ?? id

/** Where this actor's events go; each can be removed, and new ones added. */
export function SubscriptionsSection({ doc, actorId, actor }: SectionProps) {
  const { project, session } = useStudio()
  return (
    <section aria-label="Subscriptions" className="inspector-section">
      <h3>Subscriptions</h3>
      <p className="inspector-hint">Actors this one sends its events to</p>
      <ul>
        {actor.subscriptions.map((id) => (
          <li key={id}>
            <span>{id === actorId ? `${roleOf(doc, id)} (itself)` : roleOf(doc, id)}</span>
            <button
              type="button"
              aria-label={`Unsubscribe ${roleOf(doc, id)}`}
              onClick={() => attempt(session, () => unsubscribe(project, actorId, id))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <ActorPicker
        doc={doc}
        exclude={new Set(actor.subscriptions)}
        label="Actor to send events to"
        action="Subscribe"
        onPick={(id) => attempt(session, () => subscribe(project, actorId, id))}
      />
    </section>
  )
}

/** The ordered children: the order is the render order, changed with Move up / Move down. */
export function ChildrenSection({ doc, actorId, actor }: SectionProps) {
  const { project, session } = useStudio()
  const count = actor.children.length
  return (
    <section aria-label="Children" className="inspector-section">
      <h3>Children</h3>
      <ol>
        {actor.children.map((id, index) => (
          <li key={id}>
            <span>{roleOf(doc, id)}</span>
            <button
              type="button"
              aria-label={`Move ${roleOf(doc, id)} up`}
              disabled={index === 0}
              onClick={() => attempt(session, () => moveChild(project, actorId, id, index - 1))}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${roleOf(doc, id)} down`}
              disabled={index === count - 1}
              onClick={() => attempt(session, () => moveChild(project, actorId, id, index + 1))}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={`Unlink child ${roleOf(doc, id)}`}
              onClick={() => attempt(session, () => unlinkChild(project, actorId, id))}
            >
              Unlink
            </button>
          </li>
        ))}
      </ol>
      <ActorPicker
        doc={doc}
        exclude={new Set([...actor.children, actorId])}
        label="Actor to add as a child"
        action="Add child"
        onPick={(id) => attempt(session, () => linkChild(project, actorId, id))}
      />
    </section>
  )
}

/** Named references to other actors, read in views as `dependencies.<name>.…`. */
export function DependenciesSection({ doc, actorId, actor }: SectionProps) {
  const { project, session } = useStudio()
  const [name, setName] = useState('')
  const entries = Object.entries(actor.dependencies)
  const write = (next: Record<string, string>) =>
    attempt(session, () => setActorDependencies(project, actorId, next))
  return (
    <section aria-label="Dependencies" className="inspector-section">
      <h3>Dependencies</h3>
      <ul>
        {entries.map(([key, target]) => (
          <li key={key}>
            <code>{key}</code> → <span>{roleOf(doc, target)}</span>
            <button
              type="button"
              aria-label={`Remove dependency ${key}`}
              onClick={() => {
                const next = { ...actor.dependencies }
                delete next[key]
                write(next)
              }}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <ActorPicker
        doc={doc}
        exclude={new Set()}
        label="Actor the dependency names"
        action="Add dependency"
        onPick={(id) => {
          const key = name.trim()
          if (!key) {
            session.getState().notify('Give the dependency a name first', 'error')
            return false
          }
          const ok = write({ ...actor.dependencies, [key]: id })
          if (ok) setName('')
          return ok
        }}
      >
        <input
          aria-label="Dependency name"
          placeholder="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </ActorPicker>
    </section>
  )
}
