import type { DocHandle } from '@troupe/documents'
import { useCallback, useSyncExternalStore } from 'react'

/**
 * The current value of an Automerge document, re-rendering on every local or remote change.
 * `handle.doc()` returns the same immutable snapshot until the next change, so it is a stable
 * snapshot for useSyncExternalStore.
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
  return useSyncExternalStore(subscribe, () => handle.doc() as T)
}
