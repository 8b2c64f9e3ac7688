import { addToWorkspace, type DocHandle, type Repo, type WorkspaceDoc } from '@troupe/documents'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { CollabProvider } from '../collab/CollabContext'
import { Studio } from '../layout/Studio'
import { type Projects, ProjectsContext } from '../projects/ProjectsContext'
import { loadWorkspace } from '../projects/workspace'
import { isLoggedIn, LoginRequired } from './LoginRequired'
import { type OpenProject, openProject, showInAddress } from './openProject'
import { StudioProvider } from './StudioContext'

/** Opens the projects list and the project the address names, then shows the studio for it. */
export function App({ repo }: { repo: Repo }) {
  const [opened, setOpened] = useState<OpenProject | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loginNeeded, setLoginNeeded] = useState(false)
  const [workspace, setWorkspace] = useState<DocHandle<WorkspaceDoc> | null>(null)
  const [workspaceError, setWorkspaceError] = useState<string | null>(null)

  useEffect(() => {
    let list: Promise<DocHandle<WorkspaceDoc> | null> = Promise.resolve(null)
    const open = () =>
      openProject(repo, list).then(
        (project) => {
          performance.mark('troupe:documents-open')
          setError(null)
          setOpened(project)
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      )
    // Back and forward between projects open the project the address names.
    window.addEventListener('popstate', open)
    isLoggedIn().then(async (ok) => {
      if (!ok) return setLoginNeeded(true)
      list = loadWorkspace(repo).catch((e: unknown) => {
        setWorkspaceError(e instanceof Error ? e.message : String(e))
        return null
      })
      void list.then(setWorkspace)
      await open()
    })
    return () => window.removeEventListener('popstate', open)
  }, [repo])

  const show = useCallback(
    (next: OpenProject) => {
      if (workspace) addToWorkspace(workspace, next.project.url)
      showInAddress(next.project.documentId, 'push')
      setOpened(next)
    },
    [workspace],
  )
  const projects = useMemo<Projects>(
    () => ({ workspace, workspaceError, show }),
    [workspace, workspaceError, show],
  )

  if (loginNeeded) return <LoginRequired />
  if (error) {
    return (
      <main className="studio-message" role="alert">
        <h1>Could not open the project</h1>
        <p>{error}</p>
        <p>
          <a href="/?new">Start a new project</a>
        </p>
      </main>
    )
  }
  if (!opened) {
    return (
      <main className="studio-message" aria-busy="true">
        <p>Opening project…</p>
      </main>
    )
  }
  return (
    <ProjectsContext.Provider value={projects}>
      {/* A new key per project: every panel starts fresh on the newly opened project. */}
      <StudioProvider
        key={opened.project.documentId}
        repo={repo}
        project={opened.project}
        instance={opened.instance}
      >
        <CollabProvider>
          <Studio />
        </CollabProvider>
      </StudioProvider>
    </ProjectsContext.Provider>
  )
}
