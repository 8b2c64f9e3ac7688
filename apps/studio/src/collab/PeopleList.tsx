import { useCollab, usePresence } from './CollabContext'

/** Who is on this project now: me first, then everyone else, each with their colour. */
export function PeopleList() {
  const { me } = useCollab()
  const others = usePresence((s) => s.collaborators)
  return (
    <ul className="studio-people" aria-label="People on this project">
      <li title="You">
        <span className="studio-person-dot" style={{ background: me.color }} aria-hidden="true" />
        {me.name} (you)
      </li>
      {others.map((person) => (
        <li key={person.peerId}>
          <span
            className="studio-person-dot"
            style={{ background: person.color }}
            aria-hidden="true"
          />
          {person.name}
        </li>
      ))}
    </ul>
  )
}
