import { useSyncExternalStore } from 'react'

/**
 * Whether a pointer button is down anywhere on the page. A press on a node selects it before
 * anyone knows whether a click or a drag follows, so the first editor of a selection waits
 * for the release (useJsonDraftEditor): Monaco's script, evaluated as it arrives, and the
 * editor it builds are long tasks that a drag's first frames would otherwise wait for.
 */
let held = false
const listeners = new Set<() => void>()

function set(next: boolean): void {
  if (held === next) return
  held = next
  for (const listener of listeners) listener()
}

let listening = false

/** Listens from the first subscriber on, for good: a press is seen even while nobody asks. */
function subscribe(listener: () => void): () => void {
  if (!listening) {
    listening = true
    window.addEventListener('pointerdown', () => set(true), true)
    for (const end of ['pointerup', 'pointercancel'] as const)
      window.addEventListener(end, () => set(false), true)
    window.addEventListener('blur', () => set(false))
  }
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function usePointerHeld(): boolean {
  return useSyncExternalStore(subscribe, () => held)
}
