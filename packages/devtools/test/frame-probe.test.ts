import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type FrameProbe,
  type FrameRecord,
  frameWork,
  installFrameProbe,
} from '../src/bench/frame-probe'
import { chromiumArgs, chromiumPath } from '../src/chromium.mjs'

/**
 * The probe `pnpm bench studio` times canvas frames with, in real Chromium: a move is timed
 * until the frame that shows it, whether the page renders it in the input's task or defers it
 * to a later task (as React does with state set from a pointer event). The pages below burn
 * a known time on the main thread, so the bounds hold on any machine, however loaded.
 */
const burnMs = 40

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  page = await browser.newPage()
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
})

afterAll(async () => {
  await browser?.close()
})

/** Opens a page whose box moves on each pointer move: now, later, or not at all. */
async function open(when: 'in the input task' | 'in a later task' | 'never') {
  await page.goto('about:blank')
  await page.setContent(
    '<div id="box" style="position:absolute;left:0;top:0;width:400px;height:400px"></div>',
  )
  // After setContent: writing the document drops the listeners a script added before it.
  await page.evaluate(installFrameProbe)
  await page.evaluate(
    ({ when, burnMs }) => {
      const box = document.getElementById('box')!
      const burn = () => {
        const until = performance.now() + burnMs
        while (performance.now() < until) {}
      }
      let x = 0
      const move = () => {
        burn()
        x += 1
        box.style.transform = `translateX(${x}px)`
      }
      box.addEventListener('pointermove', () => {
        if (when === 'in the input task') move()
        else if (when === 'in a later task') setTimeout(move, 0)
      })
      ;(globalThis as unknown as { frameProbe: FrameProbe }).frameProbe.watch('#box')
    },
    { when, burnMs },
  )
}

async function timeMoves(count: number): Promise<FrameRecord[]> {
  for (let i = 1; i <= count; i++) {
    await page.mouse.move(100 + i, 100)
    await page.evaluate(
      (n) => (globalThis as unknown as { frameProbe: FrameProbe }).frameProbe.waitFor(n),
      i,
    )
  }
  return page.evaluate(
    () => (globalThis as unknown as { frameProbe: FrameProbe }).frameProbe.records,
  )
}

describe('frame probe', { timeout: 30_000 }, () => {
  test('a change made in the input task is timed with the work that made it', async () => {
    await open('in the input task')
    const records = await timeMoves(3)
    expect(records.every((r) => r.shown)).toBe(true)
    for (const r of records) expect(frameWork(r)).toBeGreaterThanOrEqual(burnMs)
  })

  test('a change deferred to a later task is timed until the frame that shows it', async () => {
    await open('in a later task')
    const records = await timeMoves(3)
    expect(records.every((r) => r.shown)).toBe(true)
    for (const r of records) {
      expect(r.taskEnd - r.input).toBeGreaterThanOrEqual(burnMs)
      expect(frameWork(r)).toBeGreaterThanOrEqual(burnMs)
    }
  })

  test('a move that changes nothing is recorded as not shown', async () => {
    await open('never')
    const records = await timeMoves(2)
    expect(records.map((r) => r.shown)).toEqual([false, false])
  })
})
