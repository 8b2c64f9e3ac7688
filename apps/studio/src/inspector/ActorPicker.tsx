import type { ProjectDoc } from '@troupe/documents'
import { useDeferredValue, useState } from 'react'

const noActors: ProjectDoc['actors'] = {}

/**
 * A select of the project's actors plus a button: the keyboard way to make a link that the
 * canvas makes by dragging between handles.
 *
 * The options come one render after the picker appears (a deferred value, rendered as soon as
 * the inspector is on screen): the inspector has three pickers, and with 1,000 actors their
 * 3,000 options were most of the time from a click on a node to the inspector showing it.
 */
export function ActorPicker({
  doc,
  exclude,
  label,
  action,
  onPick,
  children,
}: {
  doc: ProjectDoc
  exclude: ReadonlySet<string>
  label: string
  action: string
  onPick(actorId: string): boolean | undefined
  children?: React.ReactNode
}) {
  const [picked, setPicked] = useState('')
  const actors = useDeferredValue(doc.actors, noActors)
  const options = Object.entries(actors).filter(([id]) => !exclude.has(id))
  const value = options.some(([id]) => id === picked) ? picked : ''
  return (
    <div className="inspector-picker">
      {children}
      <select aria-label={label} value={value} onChange={(e) => setPicked(e.target.value)}>
        <option value="">Choose an actor…</option>
        {options.map(([id, actor]) => (
          <option key={id} value={id}>
            {actor.role} ({id})
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!value}
        onClick={() => {
          if (value && onPick(value) !== false) setPicked('')
        }}
      >
        {action}
      </button>
    </div>
  )
}
