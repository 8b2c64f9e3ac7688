/// <reference lib="dom" />
import type { Frame, Page } from 'playwright-core'

/**
 * Edit to preview: a key typed into the view's text in Monaco, timed from the keydown (in the
 * studio page) to the moment the sandboxed preview frame's DOM shows the new text (a
 * MutationObserver inside the frame). The two pages' clocks are compared through
 * `performance.timeOrigin + performance.now()`, both on the machine's monotonic clock.
 */
export const editKeys = 'abcdefghijklmnopqrstuvwxyzabcd'
/** Keys typed first and reported apart: the first edits also start Monaco's JSON worker. */
export const warmUpKeys = 'xyz'

interface EditWindow {
  keyTimes: number[]
}
interface WatchWindow {
  textWatch: { shown: Promise<number> }
}

/** Records every keydown's time (capture phase, before Monaco sees it). */
export function installKeyClock(): void {
  const times: number[] = []
  addEventListener('keydown', () => times.push(performance.timeOrigin + performance.now()), {
    capture: true,
  })
  Object.assign(globalThis, { keyTimes: times })
}

/** The preview frame: the sandboxed app page the studio renders into. */
export function previewFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().endsWith('/preview.html'))
  if (!frame) throw new Error('The studio page has no preview frame')
  return frame
}

/**
 * The preview frame once it is there: a studio that is interactive early may not have
 * loaded the frame's page yet (the frame's time is measured from navigation all the same).
 */
export async function loadedPreviewFrame(page: Page, timeoutMs = 60_000): Promise<Frame> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const frame = page.frames().find((f) => f.url().endsWith('/preview.html'))
    if (frame) return frame
    if (Date.now() > until) return previewFrame(page)
    await page.waitForTimeout(20)
  }
}

/**
 * Milliseconds from each key's keydown to the preview showing `text` + the typed keys: the
 * warm-up keys, then the measured ones.
 */
export async function typeIntoPreview(
  page: Page,
  text: string,
): Promise<{ warmUp: number[]; latencies: number[] }> {
  const frame = previewFrame(page)
  const latencies: number[] = []
  let shown = text
  for (const key of warmUpKeys + editKeys) {
    shown += key
    await frame.evaluate((expected) => {
      const shownAt = new Promise<number>((resolve) => {
        const check = () => {
          if (!document.body.textContent?.includes(expected)) return false
          resolve(performance.timeOrigin + performance.now())
          return true
        }
        if (check()) return
        const observer = new MutationObserver(() => check() && observer.disconnect())
        observer.observe(document.body, { subtree: true, childList: true, characterData: true })
      })
      Object.assign(globalThis, { textWatch: { shown: shownAt } })
    }, shown)
    await page.keyboard.type(key)
    const shownAt = await frame.evaluate(
      () => (globalThis as unknown as WatchWindow).textWatch.shown,
    )
    const pressedAt = await page.evaluate(() =>
      (globalThis as unknown as EditWindow).keyTimes.at(-1),
    )
    if (pressedAt === undefined) throw new Error('The key press did not reach the studio page')
    latencies.push(shownAt - pressedAt)
    // A person types a few keys a second; let the edit's sync and save finish as they would.
    await page.waitForTimeout(250)
  }
  return {
    warmUp: latencies.slice(0, warmUpKeys.length),
    latencies: latencies.slice(warmUpKeys.length),
  }
}

/**
 * How far apart the two pages' clocks can be: the spread of one round trip that reads the
 * studio's clock, the frame's, then the studio's again (the frame's reading must fall inside).
 */
export async function clockSkew(page: Page): Promise<{ skew: number; bound: number }> {
  const now = () => performance.timeOrigin + performance.now()
  const before = await page.evaluate(now)
  const inFrame = await previewFrame(page).evaluate(now)
  const after = await page.evaluate(now)
  return { skew: inFrame - (before + after) / 2, bound: (after - before) / 2 }
}
