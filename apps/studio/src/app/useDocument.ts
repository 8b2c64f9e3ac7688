import { type DocHandle, sameHeads } from '@troupe/documents'
import { useCallback, useRef, useSyncExternalStore } from 'react'

/**
 * The current value of an Automerge document, re-rendering on every local or remote change.
 * `handle.doc()` returns the same immutable snapshot until the next change, so it is a stable
 * snapshot for useSyncExternalStore.
 *
 * Except that a sync message that brings nothing new (a peer confirming the heads, as the
 * server does right after a project opens from its snapshot) also gives the handle a new root
 * object with the same content, and no "change" event. Every panel reading it would then
 * rebuild from the "new" document at the next render: for 1,000 actors the canvas's nodes and
 * edges, the lint, the pickers, hundreds of milliseconds of the open. Same heads are the same
 * document, so the snapshot already shown is kept.
 */
export function useDocument<T>(handle: DocHandle<T>): T {
  // `seen`: the handle's latest root object; `shown`: the snapshot returned for it.
  const last = useRef<{
    handle: DocHandle<T>
    seen: T
    shown: T
    heads: readonly string[]
  } | null>(null)
  const subscribe = useCallback(
    (onChange: () => void) => {
      handle.on('change', onChange)
      return () => {
        handle.off('change', onChange)
      }
    },
    [handle],
  )
  const snapshot = useCallback(() => {
    const doc = handle.doc() as T
    const before = last.current
    if (before?.handle === handle && before.seen === doc) return before.shown
    const heads = handle.heads()
    const shown = before?.handle === handle && sameHeads(before.heads, heads) ? before.shown : doc
    last.current = { handle, seen: doc, shown, heads }
    return shown
  }, [handle])
  return useSyncExternalStore(subscribe, snapshot)
}
