import {
  type AutomergeUrl,
  addToWorkspace,
  createProject,
  type DocHandle,
  openProject,
  removeFromWorkspace,
  type WorkspaceDoc,
  workspaceProjects,
} from '@troupe/documents'
import { useState } from 'react'
import { useStudio } from '../app/StudioContext'
import { serverSnapshot } from '../app/serverSnapshot'
import { useDocument } from '../app/useDocument'
import { NewProjectForm } from './NewProjectForm'
import { ProjectRow, type RowActions } from './ProjectRow'
import { useProjects } from './ProjectsContext'
import { useDialog } from './useDialog'
import './projects.css'

/**
 * The "Projects" button and its dialog: start a project (empty or from a template), and for
 * every project on the list open, rename, duplicate or delete it. The list is the server's
 * workspace document, so every browser logged in to the server shows the same one.
 */
export function ProjectsButton() {
  const [open, setOpen] = useState(false)
  const dialog = useDialog(open, () => setOpen(false))
  const { workspace, workspaceError } = useProjects()
  return (
    <>
      <button type="button" className="studio-bar-button" onClick={() => setOpen(true)}>
        Projects
      </button>
      <dialog ref={dialog} className="studio-dialog projects-dialog" aria-label="Projects">
        <header>
          <h2>Projects</h2>
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </header>
        {open && <NewProjectForm onCreated={() => setOpen(false)} />}
        {workspace ? (
          open && <ProjectList workspace={workspace} onOpened={() => setOpen(false)} />
        ) : (
          <p role="alert">{workspaceError ?? 'Loading the projects list…'}</p>
        )}
      </dialog>
    </>
  )
}

function ProjectList({
  workspace,
  onOpened,
}: {
  workspace: DocHandle<WorkspaceDoc>
  onOpened(): void
}) {
  const { repo, project } = useStudio()
  const { show } = useProjects()
  const list = workspaceProjects(useDocument(workspace))
  const [status, setStatus] = useState('')

  const actions: RowActions = {
    open: (url) => {
      openProject(repo, url, { snapshot: serverSnapshot }).then(
        (opened) => {
          onOpened()
          show(opened)
        },
        (error: unknown) => setStatus(error instanceof Error ? error.message : String(error)),
      )
    },
    remove: (url, name) => {
      removeFromWorkspace(workspace, url)
      setStatus(`Deleted “${name}”`)
      if (url !== project.url) return
      // The open project went: show the next one on the list, or a fresh one.
      const next = workspaceProjects(workspace.doc())[0]?.url as AutomergeUrl | undefined
      if (next) actions.open(next)
      else {
        onOpened()
        show(createProject(repo))
      }
    },
    announce: setStatus,
    addToList: (url: AutomergeUrl) => addToWorkspace(workspace, url),
  }

  return (
    <section className="projects-list" aria-label="Your projects">
      <ul>
        {list.map((entry) => (
          <ProjectRow key={entry.url} url={entry.url as AutomergeUrl} actions={actions} />
        ))}
      </ul>
      <p role="status" aria-label="Projects messages" className="projects-status">
        {status}
      </p>
    </section>
  )
}
