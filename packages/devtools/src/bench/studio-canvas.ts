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
/** Pointer moves of one gesture: to the start, the warm-up moves and the measured ones. */
export const movesPerGesture = 1 + warmupMoves + framesPerGesture
const stepPx = 3

interface Point {
  x: number
  y: number
}

export { installFrameProbe }

/**
 * The node closest to the middle of the canvas and a point on its body: its id and that point
 * in page coordinates. Zoomed far out a node is a few pixels tall and its centre can fall on
 * one of its handles, where a press draws a new edge instead of dragging the node; so the
 * point is one where the page's hit test finds the node and no handle.
 */
export async function centralNode(page: Page): Promise<{ id: string; at: Point }> {
  const found = await page.evaluate(() => {
    const flow = document.querySelector('.react-flow')?.getBoundingClientRect()
    if (!flow) return null
    const mid = { x: flow.left + flow.width / 2, y: flow.top + flow.height / 2 }
    const byDistance = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .map((node) => {
        const box = node.getBoundingClientRect()
        const distance = Math.hypot(
          box.left + box.width / 2 - mid.x,
          box.top + box.height / 2 - mid.y,
        )
        return { node, box, distance }
      })
      .sort((a, b) => a.distance - b.distance)
    for (const { node, box } of byDistance.slice(0, 50)) {
      for (const fy of [0.5, 0.4, 0.6, 0.3, 0.7]) {
        for (const fx of [0.5, 0.35, 0.65]) {
          const at = { x: box.left + box.width * fx, y: box.top + box.height * fy }
          const hit = document.elementFromPoint(at.x, at.y)
          if (hit?.closest('.react-flow__node') === node && !hit.closest('.react-flow__handle')) {
            return { id: node.dataset.id ?? '', at }
          }
        }
      }
    }
    return null
  })
  if (!found) throw new Error('No node on the canvas with a spot to drag it by')
  return found
}

/** The drag moved the node (not the pane, not a new edge drawn from a handle). */
export async function nodeTransform(page: Page, id: string): Promise<string> {
  return page.evaluate(
    (nodeId) =>
      document.querySelector<HTMLElement>(`.react-flow__node[data-id="${nodeId}"]`)?.style
        .transform ?? '',
    id,
  )
}

/** The pane's transform: a pan changes it. */
export async function viewportTransform(page: Page): Promise<string> {
  return page.evaluate(
    () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
  )
}

/**
 * Frame times (ms of main-thread work) of one gesture: press at `from`, move, release. Each
 * move is timed until the frame that changed `watch` (the dragged node, or the viewport).
 */
export async function gesture(
  page: Page,
  from: Point,
  direction: 1 | -1,
  watch: string,
): Promise<number[]> {
  await page.evaluate(
    (selector) => (globalThis as unknown as ProbeWindow).frameProbe.watch(selector),
    watch,
  )
  let count = await page.evaluate(
    () => (globalThis as unknown as ProbeWindow).frameProbe.records.length,
  )
  await page.mouse.move(from.x, from.y)
  count += 1
  await page.evaluate((n) => (globalThis as unknown as ProbeWindow).frameProbe.waitFor(n), count)
  await page.mouse.down()
  for (let i = 1; i <= warmupMoves + framesPerGesture; i++) {
    await page.mouse.move(from.x + direction * stepPx * i, from.y + direction * i)
    count += 1
    await page.evaluate((n) => (globalThis as unknown as ProbeWindow).frameProbe.waitFor(n), count)
  }
  await page.mouse.up()
  await nextFrames(page)
  const measured = (
    await page.evaluate(() => (globalThis as unknown as ProbeWindow).frameProbe.records)
  ).slice(-framesPerGesture)
  const unshown = measured.filter((record) => !record.shown).length
  if (unshown) throw new Error(`${unshown} of ${measured.length} moves did not change ${watch}`)
  return measured.map(frameWork)
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
