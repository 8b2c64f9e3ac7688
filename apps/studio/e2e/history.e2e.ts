import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import {
  counterPage,
  counterView,
  historyStatus,
  messageCount,
  preview,
  setSelectedView,
  studioForFile,
  timeTravel,
} from './observe-page'

/** Time travel, forks and resets over the instance's history, and "Save as test". */
const studio = studioForFile()

const travel = timeTravel
const status = historyStatus

/** Moves the scrubber to message `index` (0-based) with the keyboard, as a person can. */
async function scrubTo(page: Page, index: number) {
  const slider = travel(page).getByRole('slider', { name: 'History position' })
  await slider.focus()
  await page.keyboard.press('End')
  const max = Number(await slider.getAttribute('max'))
  for (let i = max; i > index; i--) await page.keyboard.press('ArrowLeft')
}

describe('time travel', () => {
  test('the preview shows the app after any message, read-only, and Live comes back', async () => {
    const { page, counter } = await counterPage(studio.browser, studio.server, 3)
    await expect.poll(() => status(page)).toBe('Live (3 messages)')
    await scrubTo(page, 0)
    await expect.poll(() => counter.innerText()).toBe('Clicks: 1')
    await expect
      .poll(() => status(page))
      .toMatch(/^After message 1 of 3: @input\/updateContext .* \(read-only\)$/)
    await scrubTo(page, 1)
    await expect.poll(() => counter.innerText()).toBe('Clicks: 2')

    // Read-only: a click in the past raises nothing.
    await counter.click()
    await expect(
      page.getByRole('status', { name: 'Canvas messages' }).innerText(),
    ).resolves.toMatch(/read-only/)
    await expect(messageCount(page)).resolves.toBe('3 shown of 3')
    await expect(counter.innerText()).resolves.toBe('Clicks: 2')

    await travel(page).getByRole('button', { name: 'Live' }).click()
    await expect.poll(() => counter.innerText()).toBe('Clicks: 3')
    await counter.click()
    await expect.poll(() => counter.innerText()).toBe('Clicks: 4')
    await page.context().close()
  })

  test('the past is shown with the view it had then, after a hot edit of that view', async () => {
    const { page, counter } = await counterPage(studio.browser, studio.server, 2)
    await setSelectedView(page, {
      ...counterView,
      bindings: { text: { $concat: ['Taps: ', { $string: { $: 'context.clicks' } }] } },
    })
    const tapped = preview(page).getByRole('button', { name: /^Taps:/ })
    await expect.poll(() => tapped.innerText(), { timeout: 20_000 }).toBe('Taps: 2')
    await scrubTo(page, 0)
    await expect.poll(() => counter.innerText(), { timeout: 20_000 }).toBe('Clicks: 1')
    await travel(page).getByRole('button', { name: 'Live' }).click()
    await expect.poll(() => tapped.innerText(), { timeout: 20_000 }).toBe('Taps: 2')
    await page.context().close()
  })

  test('Fork from here runs a new instance from that point; Reset starts from the initial state', async () => {
    const { page, counter } = await counterPage(studio.browser, studio.server, 3)
    await scrubTo(page, 0)
    await expect.poll(() => counter.innerText()).toBe('Clicks: 1')
    await travel(page).getByRole('button', { name: 'Fork from here' }).click()
    await expect.poll(() => status(page)).toBe('Live (0 messages)')
    await expect.poll(() => counter.innerText()).toBe('Clicks: 1')
    await expect.poll(() => messageCount(page)).toBe('0 shown of 0')
    await counter.click()
    await expect.poll(() => counter.innerText()).toBe('Clicks: 2')

    // The project now names the fork: opening it again runs the fork.
    await expect
      .poll(() => page.getByRole('status', { name: 'Sync status' }).innerText())
      .toBe('Saved to server')
    await page.reload()
    await expect.poll(() => counter.innerText()).toBe('Clicks: 2')

    await travel(page).getByRole('button', { name: 'Reset' }).click()
    await expect.poll(() => counter.innerText()).toBe('Clicks: 0')
    await expect.poll(() => status(page)).toBe('Live (0 messages)')
    await page.context().close()
  })
})

describe('Save as test', () => {
  test('records a run as a fixture that `troupe test` replays and passes', async () => {
    const { page, counter } = await counterPage(studio.browser, studio.server, 1)
    const preview = page.getByRole('region', { name: 'Preview' })
    await preview.getByRole('button', { name: 'Record test' }).click()
    await counter.click()
    await counter.click()
    await expect.poll(() => counter.innerText()).toBe('Clicks: 3')
    await expect(preview.getByRole('status', { name: 'Test recording' }).innerText()).resolves.toBe(
      'Recording: 2 events',
    )
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      preview.getByRole('button', { name: 'Save as test' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.troupe-test\.json$/)
    const file = await download.path()
    const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
    const run = spawnSync(
      fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url)),
      ['packages/cli/src/main.ts', 'test', file],
      { cwd: repoRoot, encoding: 'utf8' },
    )
    expect(run.stdout).toMatch(/^PASS Untitled/m)
    expect(run.status).toBe(0)
    await page.context().close()
  })
})
