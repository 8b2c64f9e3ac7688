import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { addFromPalette, newPage, setSelectedView, studioForFile } from './observe-page'

/** Wiring lint in the studio: the list, its links into the editor, and Monaco markers. */
const studio = studioForFile()

const lint = (page: Page) => page.getByRole('region', { name: 'Lint' })
const summary = (page: Page) => lint(page).getByRole('status', { name: 'Lint summary' }).innerText()
const editorRegion = (page: Page) => page.getByRole('region', { name: 'View JSON' })

describe('Lint', () => {
  test('a finding names code, actor and path, links into the editor and is a marker there', async () => {
    const page = await newPage(studio.browser, studio.server)
    await expect.poll(() => summary(page)).toBe('No problems found')
    await addFromPalette(page, 'Button')
    await setSelectedView(page, {
      tag: 'button',
      elements: ['Go'],
      events: { click: { event: 'nobodyHandlesThis' } },
    })
    const finding = lint(page).getByRole('button', { name: /TRP-401/ })
    await expect
      .poll(() => finding.innerText())
      .toMatch(/TRP-401 button at view\.events\.click\.event: no skill handles "nobodyHandlesThis"/)
    // A Monaco marker sits in the view editor, with the finding as its message.
    const squiggle = editorRegion(page).locator('.squiggly-warning')
    await expect.poll(() => squiggle.count()).toBeGreaterThan(0)

    // Select another actor, then follow the finding: it selects the button again and puts
    // the cursor on the path, so typing replaces exactly that property.
    await addFromPalette(page, 'Text')
    await expect
      .poll(() => editorRegion(page).locator('.studio-editor-actor').innerText())
      .toBe('text')
    await finding.click()
    await expect
      .poll(() => editorRegion(page).locator('.studio-editor-actor').innerText())
      .toBe('button')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null))
      .toBe(true)
    await page.keyboard.press('Delete')
    // insertText, not type: typed one by one, Monaco would auto-close the quotes.
    await page.keyboard.insertText('"event": "@ui/toggleVisible"')
    await expect.poll(() => summary(page)).toBe('No problems found')
    await expect.poll(() => squiggle.count()).toBe(0)
    await page.context().close()
  })

  test('a context path nothing provides is reported at its binding', async () => {
    const page = await newPage(studio.browser, studio.server)
    await addFromPalette(page, 'Button')
    await setSelectedView(page, { tag: 'p', bindings: { text: 'context.missingKey' } })
    const finding = lint(page).getByRole('button', { name: /TRP-406/ })
    await expect
      .poll(() => finding.innerText())
      .toMatch(/button at view\.bindings\.text: "context\.missingKey" never resolves/)
    await page.context().close()
  })
})
