import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useSession, useStudio } from '../app/StudioContext'
import { type Command, filterCommands } from './commandList'

/**
 * The command palette (Ctrl/Cmd+K): a dialog with a filter field and a listbox of every
 * command. Arrow keys move, Enter runs, Escape closes; focus returns where it was.
 */
export function CommandPalette({ commands }: { commands: readonly Command[] }) {
  const { session } = useStudio()
  const open = useSession((s) => s.commandPaletteOpen)
  if (!open) return null
  return (
    <PaletteDialog
      commands={commands}
      close={() => session.getState().setCommandPaletteOpen(false)}
    />
  )
}

function PaletteDialog({ commands, close }: { commands: readonly Command[]; close(): void }) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const returnFocus = useRef<Element | null>(null)
  const listId = useId()
  const shown = useMemo(() => filterCommands(commands, query), [commands, query])
  const current = Math.min(active, shown.length - 1)

  useEffect(() => {
    returnFocus.current = document.activeElement
    input.current?.focus()
    return () => {
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus()
    }
  }, [])

  // Keep the active option in view while moving with the arrow keys.
  useEffect(() => {
    document.getElementById(`${listId}-${current}`)?.scrollIntoView({ block: 'nearest' })
  }, [listId, current])

  const run = (command: Command | undefined) => {
    if (!command) return
    close()
    command.run()
  }

  return (
    // A click outside the dialog closes it; Escape in the field does the same by keyboard.
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop is not a control
    <div className="command-backdrop" onMouseDown={close}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        className="command-palette"
        onMouseDown={(event) => event.stopPropagation()}
      >
        <input
          ref={input}
          role="combobox"
          aria-label="Search commands"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown.length ? `${listId}-${current}` : undefined}
          placeholder="Type a command…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault()
              setActive((current + 1) % Math.max(shown.length, 1))
            } else if (event.key === 'ArrowUp') {
              event.preventDefault()
              setActive((current - 1 + shown.length) % Math.max(shown.length, 1))
            } else if (event.key === 'Enter') {
              event.preventDefault()
              run(shown[current])
            } else if (event.key === 'Escape') {
              event.preventDefault()
              close()
            }
          }}
        />
        <div id={listId} role="listbox" aria-label="Commands" className="command-list">
          {shown.map((command, index) => (
            <div
              key={command.id}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === current}
              className={index === current ? 'is-active' : undefined}
              onMouseEnter={() => setActive(index)}
              onClick={() => run(command)}
              onKeyDown={(event) => event.key === 'Enter' && run(command)}
            >
              <span className="command-group">{command.group}</span>
              <span className="command-title">{command.title}</span>
              {command.shortcut && <kbd>{command.shortcut.label}</kbd>}
            </div>
          ))}
          {shown.length === 0 && <p className="command-empty">No command matches</p>}
        </div>
      </div>
    </div>
  )
}
