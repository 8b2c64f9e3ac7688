import type { DocHandle, WorkspaceDoc } from '@troupe/documents'
import { createContext, useContext } from 'react'
import type { OpenProject } from '../app/openProject'

/** The projects list and switching between projects, for everything inside the studio. */
export interface Projects {
  /** The owner's projects list; null while it loads or when it could not be loaded. */
  workspace: DocHandle<WorkspaceDoc> | null
  /** Why the list could not be loaded (TRP-151), if it could not. */
  workspaceError: string | null
  /** Shows this project in the studio, puts it on the list and names it in the address. */
  show(opened: OpenProject): void
}

export const ProjectsContext = createContext<Projects | null>(null)

export function useProjects(): Projects {
  const projects = useContext(ProjectsContext)
  if (!projects) throw new Error('useProjects must be used inside <ProjectsContext>')
  return projects
}
