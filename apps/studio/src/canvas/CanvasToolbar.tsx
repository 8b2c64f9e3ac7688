import { memo, useMemo } from 'react'
import { useSession, useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { searchActors } from './search'
import type { CanvasActions } from './useCanvasActions'

/**
 * Above the canvas: search by role or message type (results listed, each a button that
 * selects and shows the actor) and the canvas's main actions as named buttons.
 */
export const CanvasToolbar = memo(function CanvasToolbar({
  actions,
  onShow,
}: {
  actions: CanvasActions
  onShow(actorIds: string[]): void
}) {
  const { project, session } = useStudio()
  const doc = useDocument(project)
  const search = useSession((s) => s.search)
  const matches = useMemo(() => searchActors(doc.actors, search), [doc.actors, search])

  return (
    <div className="canvas-toolbar">
      <search className="canvas-search">
        <input
          type="search"
          data-canvas-search
          aria-label="Search actors by role or message type"
          placeholder="Search role or message type (Ctrl+F)"
          value={search}
          onChange={(event) => session.getState().setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && matches.length) {
              session.getState().setSelection(matches, [])
              onShow(matches)
            } else if (event.key === 'Escape') {
              session.getState().setSearch('')
            }
          }}
        />
        {search.trim() && (
          <ul className="canvas-search-results" aria-label="Search results">
            {matches.length === 0 && <li>No actor matches</li>}
            {matches.slice(0, 20).map((id) => (
              <li key={id}>
                <button
                  type="button"
                  onClick={() => {
                    session.getState().setSelection([id], [])
                    onShow([id])
                  }}
                >
                  {doc.actors[id]?.role} <small>{id}</small>
                </button>
              </li>
            ))}
          </ul>
        )}
      </search>
      <button type="button" onClick={() => void actions.autoLayout()} title="Ctrl+Shift+L">
        Auto-layout
      </button>
      <button type="button" onClick={actions.duplicate} title="Ctrl+D">
        Duplicate
      </button>
      <button type="button" onClick={actions.deleteSelection} title="Delete">
        Delete
      </button>
    </div>
  )
})
