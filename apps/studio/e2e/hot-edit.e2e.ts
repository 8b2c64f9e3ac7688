import { describe, expect, test } from 'vitest'
import {
  addFromPalette,
  newPage,
  preview,
  selectedViewText,
  setSelectedView,
  studioForFile,
} from './observe-page'

/** Hot edits: changing the definition while the app runs applies at once and keeps state. */
const studio = studioForFile()

describe('hot edits keep state', () => {
  test('type into a form, change the form view in Monaco: the typed text is still there', async () => {
    const page = await newPage(studio.browser, studio.server)
    await addFromPalette(page, 'Form')
    const field = preview(page).getByPlaceholder('Type and press Send')
    await field.fill('still here')
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Messages' })
          .getByRole('status', { name: 'Message count' })
          .innerText(),
      )
      .toMatch(/^[1-9]\d* shown/)

    // The form (the template's top actor) is selected: change its view, adding a heading.
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'View JSON' }).locator('.studio-editor-actor').innerText(),
      )
      .toBe('form')
    // Edit the form's own view text (the template gave its actors fresh ids): add a heading.
    const view = JSON.parse(await selectedViewText(page))
    view.container.class = 'flex flex-col gap-3'
    view.children.unshift({
      slot: 'title',
      leaf: { tag: 'h2', elements: ['Edited while running'] },
    })
    await setSelectedView(page, view)
    await preview(page).getByRole('heading', { name: 'Edited while running' }).waitFor()
    await expect(field.inputValue()).resolves.toBe('still here')
    await page.context().close()
  })

  test('a changed event applies at once, on top of the kept count', async () => {
    const page = await newPage(studio.browser, studio.server)
    await addFromPalette(page, 'Button')
    const button = preview(page).getByRole('button', { name: 'Click me' })
    await button.click()
    await button.click()
    // A view edit that shows the count: the two clicks are still counted.
    await setSelectedView(page, {
      tag: 'button',
      bindings: { text: { $concat: ['Clicks: ', { $string: { $: 'context.clicks' } }] } },
      events: {
        click: {
          event: '@input/updateContext',
          payload: { clicks: { $add: [{ $: 'context.clicks' }, 10] } },
        },
      },
    })
    const counter = preview(page).getByRole('button', { name: /^Clicks:/ })
    await expect.poll(() => counter.innerText()).toBe('Clicks: 2')
    // The new event payload applies at once, on top of the kept state.
    await counter.click()
    await expect.poll(() => counter.innerText()).toBe('Clicks: 12')
    await page.context().close()
  })
})
