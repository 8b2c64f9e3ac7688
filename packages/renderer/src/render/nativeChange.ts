import type { Json, JsonPath, Scope, ViewEvents } from '@troupe/core'
import { fieldValue } from './events'
import type { ActorFrame } from './frame'

type RefCallback = (el: Element | null) => (() => void) | undefined

/**
 * The view's `change` event is the DOM's: it fires when a value is committed (blur, Enter, a
 * select pick), not on every keystroke as React's `onChange` does. So it is bound natively
 * through a ref callback. Only nodes with a `change` event get one (no hook on every node);
 * it is rebuilt each render, so it always resolves against the current scope.
 */
export function nativeChangeRef(
  events: ViewEvents | undefined,
  scope: Scope,
  frame: ActorFrame,
  path: JsonPath,
  bindingPath: string | undefined,
  /** A bound field records the value it sends, to recognise the echo when it comes back. */
  beforeRaise?: (value: Json) => void,
): RefCallback | undefined {
  const binding = events?.change
  if (!binding) return undefined
  return (el) => {
    if (!el) return undefined
    const listener = (e: Event) => {
      const value = fieldValue(e.target)
      beforeRaise?.(value)
      frame.raise('change', binding, scope, [...path, 'events', 'change'], { value, bindingPath })
    }
    el.addEventListener('change', listener)
    return () => el.removeEventListener('change', listener)
  }
}
