import type { Repo } from '@troupe/documents'
import { useEffect, useState } from 'react'
import { CollabProvider } from '../collab/CollabContext'
import { Studio } from '../layout/Studio'
import { isLoggedIn, LoginRequired } from './LoginRequired'
import { type OpenProject, openProject } from './openProject'
import { StudioProvider } from './StudioContext'

/** Opens the project the address names, then shows the studio for it. */
export function App({ repo }: { repo: Repo }) {
  const [opened, setOpened] = useState<OpenProject | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loginNeeded, setLoginNeeded] = useState(false)

  useEffect(() => {
    isLoggedIn().then((ok) => {
      if (!ok) return setLoginNeeded(true)
      openProject(repo).then(setOpened, (e: unknown) =>
        setError(e instanceof Error ? e.message : String(e)),
      )
    })
  }, [repo])

  if (loginNeeded) return <LoginRequired />
  if (error) {
    return (
      <main className="studio-message" role="alert">
        <h1>Could not open the project</h1>
        <p>{error}</p>
        <p>
          <a href="/" onClick={() => window.localStorage.clear()}>
            Start a new project
          </a>
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
    <StudioProvider repo={repo} project={opened.project} instance={opened.instance}>
      <CollabProvider>
        <Studio />
      </CollabProvider>
    </StudioProvider>
  )
}
