import type { Page } from 'playwright-core'
import { emptyPanePoint, type FrameProbe, frameWork, installFrameProbe } from './frame-probe'

/**
 * The canvas gestures of `pnpm bench studio`, the same on the studio page and on the bare
 * React Flow page: a node dragged by real pointer events (Playwright's mouse, i.e. CDP input
 * events through the browser's input pipeline), one move per frame, and the pane panned the
 * same way. Each move waits for the frame that showed it before the next is sent.
 */
export const framesPerGesture = 60
/** Moves before the measured ones: the drag threshold, first-move work (measuring, caches). */
const warmupMoves = 5
const stepPx = 3

interface Point {
  x: number
  y: number
}

export { installFrameProbe }

/** The node closest to the middle of the canvas: its id and centre in page coordinates. */
export async function centralNode(page: Page): Promise<{ id: string; at: Point }> {
  const found = await page.evaluate(() => {
    const flow = document.querySelector('.react-flow')?.getBoundingClientRect()
    if (!flow) return null
    const mid = { x: flow.left + flow.width / 2, y: flow.top + flow.height / 2 }
    let best: { id: string; at: { x: number; y: number }; distance: number } | null = null
    for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const box = node.getBoundingClientRect()
      const at = { x: box.left + box.width / 2, y: box.top + box.height / 2 }
      const distance = Math.hypot(at.x - mid.x, at.y - mid.y)
      if (!best || distance < best.distance) best = { id: node.dataset.id ?? '', at, distance }
    }
    return best
  })
  if (!found) throw new Error('No node on the canvas to drag')
  return found
}

/** Frame times (ms of main-thread work) of one gesture: press at `from`, move, release. */
export async function gesture(page: Page, from: Point, direction: 1 | -1): Promise<number[]> {
  await page.mouse.move(from.x, from.y)
  await nextFrames(page)
  let count = await page.evaluate(
    () => (globalThis as unknown as ProbeWindow).frameProbe.records.length,
  )
  await page.mouse.down()
  for (let i = 1; i <= warmupMoves + framesPerGesture; i++) {
    await page.mouse.move(from.x + direction * stepPx * i, from.y + direction * i)
    count += 1
    await page.evaluate((n) => (globalThis as unknown as ProbeWindow).frameProbe.waitFor(n), count)
  }
  await page.mouse.up()
  await nextFrames(page)
  const records = await page.evaluate(
    () => (globalThis as unknown as ProbeWindow).frameProbe.records,
  )
  return records.slice(-framesPerGesture).map(frameWork)
}

/**
 * Where to press to pan: an empty spot of the pane, or null when nodes cover all of it (5,000
 * actors fitted to the view), where a press would drag a node instead.
 */
export async function panPoint(page: Page): Promise<Point | null> {
  return page.evaluate(emptyPanePoint, '.react-flow')
}

/** Waits two frames (and what the first one scheduled). */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
      ),
  )
}

// Functions passed to page.evaluate run in the page: they reach the probe through its global.
interface ProbeWindow {
  frameProbe: FrameProbe
}
