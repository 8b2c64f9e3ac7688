import type { DocHandle } from '@automerge/automerge-repo'
import { sameHeads } from './same-heads'

/**
 * The handle's document as a reader that renders from it wants it: the same object for as
 * long as the heads stay the same.
 *
 * A sync message that brings nothing new (a peer confirming the heads it holds, as the server
 * does right after a project opened from its snapshot) still gives the handle a new root
 * object, with the same content and no "change" event. A view that compares documents by
 * identity (React's useSyncExternalStore, memoised derivations) would rebuild everything from
 * it: for a project of 1,000 actors the studio's canvas nodes and edges, its lint and its
 * pickers, hundreds of milliseconds of the open. Same heads are the same document.
 */
export function stableDoc<T>(handle: DocHandle<T>): () => T {
  let seen: T | undefined
  let shown: T | undefined
  let heads: readonly string[] = []
  return () => {
    const doc = handle.doc() as T
    if (doc === seen) return shown as T
    const now = handle.heads()
    if (seen === undefined || !sameHeads(heads, now)) shown = doc
    seen = doc
    heads = now
    return shown as T
  }
}
