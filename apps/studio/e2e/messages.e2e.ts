import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { counterPage, preview, setSelectedView, studioForFile } from './observe-page'

/** The Messages panel over a real running instance: listing, filters, pause, clear, diffs. */
const studio = studioForFile()

const panel = (page: Page) => page.getByRole('region', { name: 'Messages' })
const rows = (page: Page) =>
  panel(page).getByRole('listbox', { name: 'Message list' }).getByRole('option')
const count = (page: Page) => panel(page).getByRole('status', { name: 'Message count' }).innerText()
const diff = (page: Page) =>
  panel(page)
    .getByRole('region', { name: 'Message details' })
    .getByRole('list', { name: 'State diff' })

describe('Messages panel', () => {
  test('lists each message with route, type, skill and outcome, and shows the diff it caused', async () => {
    const { page } = await counterPage(studio.browser, studio.server, 3)
    await expect.poll(() => count(page)).toBe('3 shown of 3')
    const first = await rows(page).first().innerText()
    expect(first).toMatch(/→/)
    expect(first).toContain('@input/updateContext')
    expect(first).toContain('{"clicks":1}')
    expect(first).toMatch(/handled$/)

    await rows(page).nth(1).click()
    await expect.poll(() => diff(page).innerText()).toMatch(/context\.clicks: 1 → 2/)
    // Keyboard: the listbox moves its selection with the arrow keys.
    await panel(page).getByRole('listbox', { name: 'Message list' }).press('ArrowDown')
    await expect.poll(() => diff(page).innerText()).toMatch(/context\.clicks: 2 → 3/)
    await panel(page).getByRole('listbox', { name: 'Message list' }).press('Home')
    await expect.poll(() => diff(page).innerText()).toMatch(/context\.clicks: 0 → 1/)
    await page.context().close()
  })

  test('filters by type and outcome, pauses and clears the view but never the history', async () => {
    const { page, counter } = await counterPage(studio.browser, studio.server, 2)
    await expect.poll(() => count(page)).toBe('2 shown of 2')

    const outcome = panel(page).getByRole('combobox', { name: 'Outcome' })
    await outcome.selectOption('failed')
    await expect.poll(() => count(page)).toBe('0 shown of 2')
    await outcome.selectOption('handled')
    await expect.poll(() => count(page)).toBe('2 shown of 2')
    await outcome.selectOption('')
    await panel(page).getByRole('combobox', { name: 'Type' }).selectOption('@input/updateContext')
    await expect.poll(() => count(page)).toBe('2 shown of 2')

    await panel(page).getByRole('button', { name: 'Pause' }).click()
    await counter.click()
    await expect.poll(() => count(page)).toBe('2 shown of 3; paused, 1 new not shown')
    await expect(rows(page).count()).resolves.toBe(2)
    await panel(page).getByRole('button', { name: 'Pause' }).click()
    await expect.poll(() => count(page)).toBe('3 shown of 3')

    await panel(page).getByRole('button', { name: 'Clear' }).click()
    await expect.poll(() => count(page)).toBe('0 shown of 3')
    await counter.click()
    await expect.poll(() => count(page)).toBe('1 shown of 4')
    // The history is whole: the one listed message's diff starts from the third click's state.
    await rows(page).first().click()
    await expect.poll(() => diff(page).innerText()).toMatch(/context\.clicks: 3 → 4/)
    await page.context().close()
  })

  test('an unhandled message and a failed one say so, with the reason', async () => {
    const { page } = await counterPage(studio.browser, studio.server, 0)
    await setSelectedView(page, {
      tag: 'div',
      elements: [
        { tag: 'button', elements: ['Nobody'], events: { click: { event: 'nobodyHandlesThis' } } },
        {
          tag: 'button',
          elements: ['Broken'],
          events: { click: { event: '@entity/updateEntity', payload: { schemaName: 'x' } } },
        },
      ],
    })
    await preview(page).getByRole('button', { name: 'Nobody' }).click()
    await expect.poll(() => count(page)).toBe('1 shown of 1')
    await expect(rows(page).first().innerText()).resolves.toMatch(
      /nobodyHandlesThis[\s\S]*unhandled$/,
    )
    await preview(page).getByRole('button', { name: 'Broken' }).click()
    await expect.poll(() => count(page)).toBe('2 shown of 2')
    await expect(rows(page).nth(1).innerText()).resolves.toMatch(/failed: TRP-\d+/)
    await panel(page).getByRole('combobox', { name: 'Outcome' }).selectOption('unhandled')
    await expect.poll(() => count(page)).toBe('1 shown of 2')
    await page.context().close()
  })
})

describe('live edges', () => {
  test('a subscription edge counts the messages that flowed along it and pulses while they flow', async () => {
    const { page, counter } = await counterPage(studio.browser, studio.server, 2)
    const canvas = page.getByRole('region', { name: 'Canvas' })
    // The button subscribes to itself: its loop edge carries every click.
    const label = canvas.locator('[data-edge-traffic^="sub:button"]')
    await expect.poll(() => label.textContent()).toBe('2')
    const root = canvas.locator('[data-edge-traffic="sub:root>root"]')
    await expect(root.textContent()).resolves.toBe('')
    for (let i = 0; i < 5; i++) await counter.click()
    await expect.poll(() => label.textContent()).toBe('7')
    const edge = canvas
      .locator('.edge-live')
      .filter({ has: page.locator('[data-edge-traffic^="sub:button"]') })
    await counter.click()
    await expect.poll(() => edge.getAttribute('class')).toContain('is-flowing')
    await expect.poll(() => edge.getAttribute('class')).not.toContain('is-flowing')
    await page.context().close()
  })
})
