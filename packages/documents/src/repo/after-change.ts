import type { DocHandle } from '@automerge/automerge-repo'

/**
 * Runs `work` soon after every change of `handle` (merged remote changes arrive as changes
 * too), once per burst of changes, after the change event rather than inside it: changing a
 * handle from its own change listener is re-entrant. Returns the unsubscribe, which also
 * drops a run still waiting.
 */
export function afterChange<T>(handle: DocHandle<T>, work: () => void): () => void {
  let scheduled: ReturnType<typeof setTimeout> | undefined
  const onChange = () => {
    scheduled ??= setTimeout(() => {
      scheduled = undefined
      work()
    }, 0)
  }
  handle.on('change', onChange)
  return () => {
    clearTimeout(scheduled)
    handle.off('change', onChange)
  }
}
