import {
  type DocHandle,
  type InstanceDoc,
  type LiveInstance,
  type ProjectDoc,
  type Repo,
  watchContainers,
  watchProject,
} from '@troupe/documents'
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { createSessionStore, type SessionState, type SessionStore } from '../session/store'
import { useFollowedInstance } from './useFollowedInstance'
import { useLiveInstance } from './useLiveInstance'

interface StudioHandles {
  repo: Repo
  project: DocHandle<ProjectDoc>
  instance: DocHandle<InstanceDoc>
  session: SessionStore
}

interface StudioValue extends StudioHandles {
  /** Raises into the instance's current epoch and rotates it when full (epochs.ts). */
  live: LiveInstance | null
}

const StudioContext = createContext<StudioValue | null>(null)

export function StudioProvider(props: Omit<StudioHandles, 'session'> & { children: ReactNode }) {
  const [session] = useState(() => createSessionStore())
  const { children, ...opened } = props
  // Fork and Reset point the project at a new instance: every studio on it follows.
  const instance = useFollowedInstance(opened.repo, opened.project, opened.instance)
  const handles = { ...opened, instance }
  // Concurrent first writes to one actor's context on two peers would otherwise drop one side.
  useEffect(() => watchContainers(handles.instance), [handles.instance])
  // Concurrent graph edits can merge into a second parent, a cycle or a dangling link.
  useEffect(() => watchProject(handles.project), [handles.project])
  const live = useLiveInstance(opened.repo, opened.project, instance)
  return (
    <StudioContext.Provider value={{ ...handles, session, live }}>
      {children}
    </StudioContext.Provider>
  )
}

export function useStudio(): StudioValue {
  const studio = useContext(StudioContext)
  if (!studio) throw new Error('useStudio must be used inside <StudioProvider>')
  return studio
}

/** Reads one slice of this studio's session state, re-rendering only when that slice changes. */
export function useSession<T>(selector: (state: SessionState) => T): T {
  return useStore(useStudio().session, selector)
}
