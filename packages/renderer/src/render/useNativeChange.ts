import type { Json, JsonPath, Scope, ViewEvents } from '@troupe/core'
import { useCallback, useLayoutEffect, useRef } from 'react'
import { fieldValue } from './events'
import type { ActorFrame } from './frame'

/**
 * The view's `change` event is the DOM's: it fires when a value is committed (blur, Enter, a
 * select pick), not on every keystroke as React's `onChange` does. So it is bound natively,
 * through a ref, always reading the latest scope.
 */
export function useNativeChange(
  events: ViewEvents | undefined,
  scope: Scope,
  frame: ActorFrame,
  path: JsonPath,
  bindingPath: string | undefined,
  /** A bound field records the value it sends, to recognise the echo when it comes back. */
  beforeRaise?: (value: Json) => void,
): ((el: Element | null) => (() => void) | undefined) | undefined {
  const latest = useRef({ events, scope, frame, path, bindingPath, beforeRaise })
  useLayoutEffect(() => {
    latest.current = { events, scope, frame, path, bindingPath, beforeRaise }
  })
  const hasChange = Boolean(events?.change)
  const ref = useCallback((el: Element | null) => {
    if (!el) return undefined
    const listener = (e: Event) => {
      const { events, scope, frame, path, bindingPath, beforeRaise } = latest.current
      const binding = events?.change
      if (!binding) return
      const value = fieldValue(e.target)
      beforeRaise?.(value)
      frame.raise('change', binding, scope, [...path, 'events', 'change'], { value, bindingPath })
    }
    el.addEventListener('change', listener)
    return () => el.removeEventListener('change', listener)
  }, [])
  return hasChange ? ref : undefined
}
