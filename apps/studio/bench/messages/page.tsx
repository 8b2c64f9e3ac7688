import type { LogEntry } from '@troupe/runtime'
import { useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { MessageList, MessageRow, ROW_HEIGHT } from '../../src/messages/MessageList'
import { MessageView } from '../../src/messages/messageView'
import '../../src/messages/messages.css'

/**
 * The page `pnpm bench messages` drives in headless Chromium: messages arrive at a fixed rate
 * and the list takes them in once per animation frame, as the studio's feed delivers them.
 * `virtual` is the Messages panel's list; `naive` (the baseline) renders every row.
 */
type Mode = 'virtual' | 'naive'

export interface RunFigures {
  /** Intervals between animation frames during the run, ms. */
  frames: number[]
  /** Sum of long tasks (> 50 ms) reported during the run, ms. */
  longTaskMs: number
  rowsInDom: number
  messages: number
}

const entry = (i: number): LogEntry => ({
  message: {
    id: `m${i}`,
    type: i % 5 ? '@input/updateContext' : 'addTodo',
    payload: { text: `message ${i}`, n: i },
    from: `actor${i % 7}`,
    to: `actor${i % 3}`,
    timestamp: Date.now(),
  },
  outcome: i % 11 ? 'handled' : 'unhandled',
  skill: '@input/updateContext',
  depth: 0,
})

function Bench({ mode, rate }: { mode: Mode; rate: number }) {
  const [state] = useState(() => {
    const entries: LogEntry[] = []
    return { entries, view: new MessageView(entries) }
  })
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const started = performance.now()
    let produced = 0
    let frame: number | null = null
    // The producer: like events reaching the instance, independent of rendering.
    const timer = setInterval(() => {
      const due = Math.floor(((performance.now() - started) / 1000) * rate)
      while (produced < due) state.entries.push(entry(produced++))
      frame ??= requestAnimationFrame(() => {
        frame = null
        state.view.catchUp()
        setVersion((v) => v + 1)
      })
    }, 4)
    return () => {
      clearInterval(timer)
      if (frame !== null) cancelAnimationFrame(frame)
    }
  }, [rate, state])
  return (
    <div className="bench-box">
      {mode === 'virtual' ? (
        <MessageList
          entries={state.entries}
          shown={state.view.shown}
          version={version}
          selected={null}
          onSelect={() => undefined}
        />
      ) : (
        <div className="naive">
          <div style={{ position: 'relative', height: state.view.shown.length * ROW_HEIGHT }}>
            {state.view.shown.map((index, position) => (
              <MessageRow
                key={index}
                index={index}
                entry={state.entries[index]!}
                top={position * ROW_HEIGHT}
                selected={false}
                onSelect={() => undefined}
              />
            ))}
          </div>
        </div>
      )}
    </div>
  )
}

function run(mode: Mode, seconds: number, rate: number): Promise<RunFigures> {
  return new Promise((resolve) => {
    const host = document.getElementById('root')!
    const root = createRoot(host)
    const frames: number[] = []
    let longTaskMs = 0
    const observer = new PerformanceObserver((list) => {
      for (const task of list.getEntries()) longTaskMs += task.duration
    })
    observer.observe({ type: 'longtask', buffered: false })
    let last = performance.now()
    let measuring = true
    const tick = (now: number) => {
      frames.push(now - last)
      last = now
      if (measuring) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
    root.render(<Bench mode={mode} rate={rate} />)
    setTimeout(() => {
      measuring = false
      observer.disconnect()
      const rowsInDom = host.querySelectorAll('[role="option"]').length
      root.unmount()
      resolve({ frames, longTaskMs, rowsInDom, messages: Math.round(seconds * rate) })
    }, seconds * 1000)
  })
}

;(globalThis as unknown as { messagesBench: unknown }).messagesBench = { run }
