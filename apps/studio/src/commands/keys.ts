/**
 * Keyboard shortcut matching. "Mod" is Ctrl, or Cmd on a Mac, as people expect on each.
 */
export interface Shortcut {
  /** What the person reads, e.g. "Ctrl+Shift+L". */
  label: string
  matches(event: KeyboardEvent): boolean
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const modName = isMac ? 'Cmd' : 'Ctrl'

/** `key` is compared case-insensitively with KeyboardEvent.key. */
export function shortcut(spec: {
  mod?: boolean
  shift?: boolean
  key: string
  label?: string
}): Shortcut {
  const name = spec.label ?? (spec.key.length === 1 ? spec.key.toUpperCase() : spec.key)
  const parts = [spec.mod ? modName : '', spec.shift ? 'Shift' : '', name]
  return {
    label: parts.filter(Boolean).join('+'),
    matches(event) {
      const mod = isMac ? event.metaKey : event.ctrlKey
      return (
        mod === Boolean(spec.mod) &&
        // Shift is part of typing "+" on most layouts, so a key that needs it ignores it.
        (spec.shift === undefined ? true : event.shiftKey === spec.shift) &&
        !event.altKey &&
        event.key.toLowerCase() === spec.key.toLowerCase()
      )
    },
  }
}

/**
 * Whether a key event belongs to something the person is typing into (a field, Monaco), where
 * studio shortcuts must not steal keys such as Ctrl+C or Delete.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) {
    return true
  }
  return Boolean(target.closest('.monaco-editor'))
}
