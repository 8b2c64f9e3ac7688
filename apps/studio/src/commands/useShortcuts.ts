import { useEffect } from 'react'
import { useStudio } from '../app/StudioContext'
import type { CanvasActions } from '../canvas/useCanvasActions'
import type { Command } from './commandList'
import { isTyping } from './keys'

/**
 * Runs commands from their shortcuts, anywhere in the studio except where the person is
 * typing (fields, Monaco), so Ctrl+C in an editor still copies text. The command palette's own
 * shortcut works everywhere. Copy and paste use the browser's clipboard events, which need no
 * clipboard permission and carry the text across projects, windows and applications.
 */
function onCanvas(target: EventTarget | null): boolean {
  return (
    target === document.body ||
    (target instanceof Element && Boolean(target.closest('.studio-canvas')))
  )
}

export function useShortcuts(commands: readonly Command[], actions: CanvasActions) {
  const { session } = useStudio()
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return
      const command = commands.find((c) => !c.clipboardEvent && c.shortcut?.matches(event))
      if (!command) return
      if (
        command.id !== 'palette' &&
        (isTyping(event.target) || session.getState().commandPaletteOpen)
      ) {
        return
      }
      if (command.scope === 'canvas' && !onCanvas(event.target)) return
      event.preventDefault()
      command.run()
    }
    const onCopy = (event: ClipboardEvent) => {
      if (isTyping(event.target) || !event.clipboardData) return
      const text = actions.selectionText()
      if (!text) return
      event.clipboardData.setData('text/plain', text)
      event.preventDefault()
      session.getState().setClipboard(text)
      const count = session.getState().selectedActors.length
      session
        .getState()
        .notify(`Copied ${count} actor${count === 1 ? '' : 's'} as project-file JSON`)
    }
    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target) || !event.clipboardData) return
      event.preventDefault()
      void actions.paste(event.clipboardData.getData('text/plain'))
    }
    window.addEventListener('keydown', onKeyDown)
    document.addEventListener('copy', onCopy)
    document.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('paste', onPaste)
    }
  }, [commands, actions, session])
}
