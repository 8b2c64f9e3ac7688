import { useEffect, useSyncExternalStore } from 'react'

type MonacoModule = typeof import('./monacoSetup')

export interface MonacoState {
  /** Monaco once loaded, else null. */
  module: MonacoModule | null
  /** Why loading failed (the next editor that needs it tries again). */
  error: string | null
}

/**
 * Monaco, loaded once and only when an editor needs it: it is megabytes of script whose
 * evaluation and first editor (which measures fonts, forcing a layout of the whole page)
 * would otherwise compete with the canvas while a project opens. Panels that only decorate
 * editors (lint markers) use it once loaded, without loading it themselves.
 */
let loading: Promise<MonacoModule> | null = null
let state: MonacoState = { module: null, error: null }
const listeners = new Set<() => void>()

export function loadMonaco(): Promise<MonacoModule> {
  loading ??= import('./monacoSetup').then(
    (module) => {
      publish({ module, error: null })
      return module
    },
    (error: unknown) => {
      loading = null
      const reason = error instanceof Error ? error.message : String(error)
      publish({
        module: null,
        error: `TRP-711 The editor could not load (${reason}). Reload the page; check that the Troupe server is running.`,
      })
      throw error
    },
  )
  return loading
}

/**
 * Monaco's loading state; starts loading it when `load` is true, after the next frame: the
 * selection that asks for an editor shows first, before Monaco's stylesheet (inserted as it
 * loads) restyles the page.
 */
export function useMonaco(load: boolean): MonacoState {
  useEffect(() => {
    if (!load || loading) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => loadMonaco().catch(() => {}))
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [load])
  return useSyncExternalStore(subscribe, () => state)
}

function publish(next: MonacoState): void {
  state = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
