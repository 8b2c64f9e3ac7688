import type { LogEntry } from '@troupe/runtime'
import { type KeyboardEvent, memo, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { outcomeText } from './messageFilter'

export const ROW_HEIGHT = 24
/** Rows drawn above and below the visible ones, so a fast scroll never shows a gap. */
const OVERSCAN = 8

export interface MessageListProps {
  entries: readonly LogEntry[]
  /** Log indices to list, in order. */
  shown: readonly number[]
  /** Changes whenever `shown` grew or was replaced (the arrays are reused). */
  version: number
  selected: number | null
  onSelect(index: number): void
}

/**
 * The messages as a virtualised listbox: only the rows in view (plus a few) are in the DOM,
 * so 100,000 messages cost what 40 do. While scrolled to the end it follows new messages.
 * Arrow keys, Home and End move the selection.
 */
export function MessageList({ entries, shown, version, selected, onSelect }: MessageListProps) {
  const box = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(240)
  const following = useRef(true)

  // The observer reports the first size too, after layout: reading clientHeight here instead
  // would force a layout of the whole page while it mounts (hundreds of ms with 1,000 nodes).
  useLayoutEffect(() => {
    const element = box.current
    if (!element) return
    const observer = new ResizeObserver(() => setHeight(element.clientHeight))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  // New rows: stay at the end if the person was there (no rows: nothing to scroll, and no
  // forced layout while the studio opens).
  // biome-ignore lint/correctness/useExhaustiveDependencies: version says `shown` changed
  useEffect(() => {
    const element = box.current
    if (element && following.current && shown.length > 0) {
      element.scrollTop = element.scrollHeight
      setScrollTop(element.scrollTop)
    }
  }, [version])

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(shown.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN)
  const rows = []
  for (let position = first; position < last; position++) {
    const index = shown[position]!
    rows.push(
      <MessageRow
        key={index}
        index={index}
        entry={entries[index]!}
        top={position * ROW_HEIGHT}
        selected={index === selected}
        onSelect={onSelect}
      />,
    )
  }

  const move = (event: KeyboardEvent) => {
    if (!shown.length) return
    const at = selected === null ? -1 : shown.indexOf(selected)
    const to =
      event.key === 'ArrowDown'
        ? Math.min(shown.length - 1, at + 1)
        : event.key === 'ArrowUp'
          ? Math.max(0, at - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? shown.length - 1
              : null
    if (to === null) return
    event.preventDefault()
    onSelect(shown[to]!)
    const element = box.current
    if (element) {
      const top = to * ROW_HEIGHT
      if (top < element.scrollTop) element.scrollTop = top
      else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight)
        element.scrollTop = top + ROW_HEIGHT - element.clientHeight
    }
  }

  return (
    <div
      ref={box}
      className="messages-list"
      role="listbox"
      aria-label="Message list"
      tabIndex={0}
      aria-activedescendant={selected === null ? undefined : `message-${selected}`}
      onKeyDown={move}
      onScroll={(event) => {
        const element = event.currentTarget
        following.current = element.scrollTop + element.clientHeight >= element.scrollHeight - 2
        setScrollTop(element.scrollTop)
      }}
    >
      <div style={{ height: shown.length * ROW_HEIGHT, position: 'relative' }}>{rows}</div>
    </div>
  )
}

const time = (timestamp: number) => new Date(timestamp).toISOString().slice(11, 23)

export const MessageRow = memo(function MessageRow(props: {
  index: number
  entry: LogEntry
  top: number
  selected: boolean
  onSelect(index: number): void
}) {
  const { index, entry, top, selected, onSelect } = props
  const { message } = entry
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keys
    <div
      id={`message-${index}`}
      role="option"
      aria-selected={selected}
      // Focus stays on the listbox (aria-activedescendant); rows are reached with arrow keys.
      tabIndex={-1}
      className={`messages-row is-${entry.outcome}${selected ? ' is-selected' : ''}`}
      style={{ top, height: ROW_HEIGHT }}
      onClick={() => onSelect(index)}
    >
      <span className="messages-time">{time(message.timestamp)}</span>
      <span className="messages-route">
        {message.from} → {message.to}
      </span>
      <span className="messages-type">{message.type}</span>
      <span className="messages-payload">{JSON.stringify(message.payload)}</span>
      <span className="messages-skill">{entry.skill ?? '—'}</span>
      <span className="messages-outcome">{outcomeText(entry)}</span>
    </div>
  )
})
