import { type DocHandle, stableDoc } from '@troupe/documents'
import { useCallback, useMemo, useSyncExternalStore } from 'react'

/**
 * The current value of an Automerge document, re-rendering on every local or remote change.
 * The snapshot is the same object until the heads change (`stableDoc`: a sync that brings
 * nothing new would otherwise look like a new document to every panel).
 */
export function useDocument<T>(handle: DocHandle<T>): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      handle.on('change', onChange)
      return () => {
        handle.off('change', onChange)
      }
    },
    [handle],
  )
  const snapshot = useMemo(() => stableDoc(handle), [handle])
  return useSyncExternalStore(subscribe, snapshot)
}
