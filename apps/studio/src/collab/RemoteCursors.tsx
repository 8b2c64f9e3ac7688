import { useInternalNode, ViewportPortal } from '@xyflow/react'
import { usePresence } from './CollabContext'
import type { Collaborator } from './presenceStore'

/**
 * Everyone else's pointer and selection, drawn on the canvas in flow coordinates (so they stay
 * on the right spot whatever each person's zoom and pan). Only shown, never clickable.
 */
export function RemoteCursors() {
  const others = usePresence((s) => s.collaborators)
  return (
    <ViewportPortal>
      {others.map((person) =>
        person.selection.map((actorId) => (
          <RemoteSelection key={`${person.peerId}:${actorId}`} person={person} actorId={actorId} />
        )),
      )}
      {others.map(
        (person) =>
          person.cursor && (
            <div
              key={person.peerId}
              className="remote-cursor"
              role="img"
              aria-label={`Cursor of ${person.name}`}
              style={{
                transform: `translate(${person.cursor.x}px, ${person.cursor.y}px)`,
                color: person.color,
              }}
            >
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                <path d="M1 1 L15 7 L8 9 L6 15 Z" fill="currentColor" stroke="#fff" />
              </svg>
              <span className="remote-label" style={{ background: person.color }}>
                {person.name}
              </span>
            </div>
          ),
      )}
    </ViewportPortal>
  )
}

function RemoteSelection({ person, actorId }: { person: Collaborator; actorId: string }) {
  const node = useInternalNode(actorId)
  if (!node?.measured.width || !node.measured.height) return null
  const { x, y } = node.internals.positionAbsolute
  return (
    <div
      className="remote-selection"
      role="img"
      aria-label={`${person.name} selected ${node.data.role as string}`}
      style={{
        transform: `translate(${x - 4}px, ${y - 4}px)`,
        width: node.measured.width + 8,
        height: node.measured.height + 8,
        borderColor: person.color,
      }}
    >
      <span className="remote-label" style={{ background: person.color }}>
        {person.name}
      </span>
    </div>
  )
}
