import { createContext, useContext } from 'react'
import type { TroupeStore } from './store'

/** Said after each commit of an actor (or of one foreach row, with its key). */
export interface RenderReport {
  actorId: string
  row?: string
}

export const TroupeStoreContext = createContext<TroupeStore | null>(null)

export function useTroupeStore(): TroupeStore {
  const store = useContext(TroupeStoreContext)
  if (!store) throw new Error('ActorView must be rendered inside TroupeView or TroupeProvider')
  return store
}

export function useRenderReport(): ((report: RenderReport) => void) | undefined {
  return useTroupeStore().onRender
}
