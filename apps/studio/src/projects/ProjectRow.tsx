import {
  type AutomergeUrl,
  type DocHandle,
  duplicateProject,
  type ProjectDoc,
  renameProject,
} from '@troupe/documents'
import { useEffect, useRef, useState } from 'react'
import { useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'

export interface RowActions {
  open(url: AutomergeUrl): void
  remove(url: AutomergeUrl, name: string): void
  announce(text: string): void
  addToList(url: AutomergeUrl): void
}

/** One listed project, its name read from its own document (found locally or on the server). */
export function ProjectRow({ url, actions }: { url: AutomergeUrl; actions: RowActions }) {
  const { repo } = useStudio()
  const [handle, setHandle] = useState<DocHandle<ProjectDoc> | null>(null)
  const [missing, setMissing] = useState(false)
  useEffect(() => {
    let cancelled = false
    repo.find<ProjectDoc>(url).then(
      (found) => !cancelled && setHandle(found),
      () => !cancelled && setMissing(true),
    )
    return () => {
      cancelled = true
    }
  }, [repo, url])
  if (!handle) {
    return (
      <li className="projects-row" aria-busy={!missing}>
        <span className="projects-row-name">
          {missing ? `TRP-150 ${url} is not on the server` : 'Loading…'}
        </span>
      </li>
    )
  }
  return <LoadedRow handle={handle} actions={actions} />
}

function LoadedRow({ handle, actions }: { handle: DocHandle<ProjectDoc>; actions: RowActions }) {
  const { repo, project } = useStudio()
  const doc = useDocument(handle)
  const [renaming, setRenaming] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const current = handle.url === project.url

  return (
    <li className="projects-row" aria-label={doc.name}>
      {renaming ? (
        <RenameField
          name={doc.name}
          onDone={(next) => {
            setRenaming(false)
            if (next === null || next.trim() === doc.name) return
            try {
              renameProject(handle, next)
              actions.announce(`Renamed to “${next.trim()}”`)
            } catch (error) {
              actions.announce(error instanceof Error ? error.message : String(error))
            }
          }}
        />
      ) : (
        <span className="projects-row-name">
          {doc.name}
          {current && <span className="projects-current"> (open)</span>}
        </span>
      )}
      {confirming ? (
        <fieldset className="projects-confirm" aria-label={`Delete ${doc.name}?`}>
          <span>Delete “{doc.name}”? It leaves the list in every browser.</span>
          <button type="button" onClick={() => actions.remove(handle.url, doc.name)}>
            Yes, delete
          </button>
          <button
            type="button"
            // Cancel first: Enter on a confirmation must not destroy anything.
            ref={(button) => button?.focus()}
            onClick={() => setConfirming(false)}
          >
            Cancel
          </button>
        </fieldset>
      ) : (
        !renaming && (
          <span className="projects-row-actions">
            {!current && (
              <button type="button" onClick={() => actions.open(handle.url)}>
                Open
              </button>
            )}
            <button type="button" onClick={() => setRenaming(true)}>
              Rename
            </button>
            <button
              type="button"
              onClick={() => {
                const copy = duplicateProject(repo, handle)
                actions.addToList(copy.project.url)
                actions.announce(`Duplicated as “${copy.project.doc().name}”`)
              }}
            >
              Duplicate
            </button>
            <button type="button" onClick={() => setConfirming(true)}>
              Delete
            </button>
          </span>
        )
      )}
    </li>
  )
}

/** The name as a text field: Enter or Save renames, Escape or Cancel keeps the old name. */
function RenameField({ name, onDone }: { name: string; onDone(next: string | null): void }) {
  const [draft, setDraft] = useState(name)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])
  return (
    <span className="projects-rename">
      <input
        ref={input}
        aria-label="Project name"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onDone(draft)
          if (e.key === 'Escape') {
            // Escape cancels the rename only, not the whole dialog.
            e.preventDefault()
            e.stopPropagation()
            onDone(null)
          }
        }}
      />
      <button type="button" onClick={() => onDone(draft)}>
        Save
      </button>
      <button type="button" onClick={() => onDone(null)}>
        Cancel
      </button>
    </span>
  )
}
