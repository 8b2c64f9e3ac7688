import { useEffect, useState } from 'react'
import { useFittedOnce } from '../canvas/useFittedOnce'

/**
 * Whether the preview frame may load now: once the canvas has drawn the project and the page
 * is next idle. The frame runs the whole app, in this page's process: loaded beside the
 * canvas, its script and its render of every actor took main-thread time from drawing the
 * canvas and answering the first click (a 1,000-actor open was some 150 ms slower to
 * interactive, `pnpm bench studio-open`). The canvas is where a project is worked on first;
 * the app follows a moment later. If the canvas never draws (hidden, or failing), the frame
 * loads anyway after `latestMs`.
 */
export function usePreviewFrameDue(latestMs = 3000): boolean {
  // The preview is inside the canvas's React Flow provider: it sees the same first fit.
  const canvasDrawn = useFittedOnce()
  const [due, setDue] = useState(false)
  // One wait at a time, none once due: the canvas's draw replaces the fallback by the idle
  // callback (itself due within a second).
  useEffect(() => {
    if (due) return
    if (canvasDrawn) return whenIdle(() => setDue(true))
    const latest = setTimeout(() => setDue(true), latestMs)
    return () => clearTimeout(latest)
  }, [due, canvasDrawn, latestMs])
  return due
}

/** Runs `then` when the page is next idle (within a second); returns a cancel. */
function whenIdle(then: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(then, { timeout: 1000 })
    return () => cancelIdleCallback(id)
  }
  // Safari has no idle callbacks: a short wait instead, past the frame of the canvas's draw.
  const id = setTimeout(then, 100)
  return () => clearTimeout(id)
}
