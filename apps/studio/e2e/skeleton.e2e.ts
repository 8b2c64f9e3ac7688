import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { startServer } from './harness'
import { closeWhenSaved, openWindow, preview, replaceViewText, studioForFile } from './observe-page'

/**
 * The walking skeleton as a person uses it, in real Chromium against the real server:
 * open a project, add actors from the palette (click, keyboard, drag), edit a view in Monaco,
 * click through the preview, reload, open it elsewhere, restart the server.
 */
const studio = studioForFile()
let projectUrl = ''

const tapView = {
  tag: 'button',
  classes: 'rounded bg-blue-600 px-3 py-1 text-white',
  bindings: { text: { $concat: ['Taps: ', { $string: { $: 'context.taps' } }] } },
  events: { click: { event: '@input/updateContext', payload: { taps: 7 } } },
}

const openStudio = (url: string) =>
  openWindow(studio.browser, studio.server, { url, viewport: { width: 1400, height: 900 } })

const nodes = (page: Page) =>
  page.getByRole('region', { name: 'Canvas' }).locator('.react-flow__node')

async function editorText(page: Page): Promise<string> {
  return page.getByRole('region', { name: 'View JSON' }).locator('.view-lines').innerText()
}

describe('walking skeleton', () => {
  test('opening / opens a new project with a root actor, and the URL names it', async () => {
    const page = await openStudio(studio.server.url)
    await page.waitForURL(/\/p\/[A-Za-z0-9]+$/)
    projectUrl = page.url()
    for (const name of ['Canvas', 'Palette', 'View JSON', 'Preview']) {
      await expect(page.getByRole('region', { name }).count()).resolves.toBe(1)
    }
    await expect(nodes(page).count()).resolves.toBe(1)
    await expect(nodes(page).first().innerText()).resolves.toContain('root')
    await closeWhenSaved(page)
  })

  test('the palette adds actors by click, by keyboard and by dragging onto the canvas', async () => {
    const page = await openStudio(projectUrl)
    const palette = page.getByRole('region', { name: 'Palette' })

    await palette.getByRole('button', { name: 'Button' }).click()
    await expect.poll(() => nodes(page).count()).toBe(2)

    await page
      .getByRole('region', { name: 'Canvas' })
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } })
    await palette.getByRole('button', { name: 'Text' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => nodes(page).count()).toBe(3)

    const pane = page.getByRole('region', { name: 'Canvas' })
    const box = (await pane.boundingBox())!
    const drop = { x: box.x + box.width - 160, y: box.y + box.height - 120 }
    await palette.getByRole('button', { name: 'Container' }).dragTo(pane, {
      targetPosition: { x: drop.x - box.x, y: drop.y - box.y },
    })
    await expect.poll(() => nodes(page).count()).toBe(4)
    const dropped = nodes(page).filter({ hasText: 'container' }).last()
    const droppedBox = (await dropped.boundingBox())!
    // The node's top-left corner lands where the pointer was released.
    expect(Math.abs(droppedBox.x - drop.x)).toBeLessThan(12)
    expect(Math.abs(droppedBox.y - drop.y)).toBeLessThan(12)
    await closeWhenSaved(page)
  })

  test('a valid view edit reaches the preview; invalid JSON shows its error and changes nothing; a click updates state', async () => {
    const page = await openStudio(projectUrl)
    await nodes(page).filter({ hasText: 'button' }).first().click()
    await expect.poll(() => editorText(page)).toContain('"tag"')
    await expect(preview(page).getByRole('button', { name: 'Click me' }).count()).resolves.toBe(1)

    await replaceViewText(page, JSON.stringify(tapView, null, 2))
    const tapButton = preview(page).getByRole('button', { name: /^Taps:/ })
    await tapButton.waitFor()

    await replaceViewText(page, '{ "tag": "button", ')
    const problems = page.getByRole('status', { name: 'View JSON problems' })
    await expect.poll(() => problems.innerText()).toContain('TRP-100')
    await expect(tapButton.count()).resolves.toBe(1)

    await replaceViewText(page, JSON.stringify({ ...tapView, tag: 'script' }, null, 2))
    await expect.poll(() => problems.innerText()).toContain('TRP-120')
    await expect(tapButton.count()).resolves.toBe(1)

    await replaceViewText(page, JSON.stringify(tapView, null, 2))
    await expect.poll(() => problems.innerText()).toContain('Valid view')
    await tapButton.click()
    await expect.poll(() => tapButton.innerText()).toBe('Taps: 7')
    await closeWhenSaved(page)
  })

  test('reloading keeps actors, positions, views and state', async () => {
    const page = await openStudio(projectUrl)
    await expect.poll(() => nodes(page).count()).toBe(4)
    const before = await nodes(page).evaluateAll((els) => els.map((el) => el.getAttribute('style')))
    await page.reload()
    await nodes(page).first().waitFor()
    await expect.poll(() => nodes(page).count()).toBe(4)
    const after = await nodes(page).evaluateAll((els) => els.map((el) => el.getAttribute('style')))
    expect(after).toEqual(before)
    await expect.poll(() => preview(page).getByRole('button', { name: 'Taps: 7' }).count()).toBe(1)
    await closeWhenSaved(page)
  })

  test('a second window sees the project from the server and actors added in the first', async () => {
    const first = await openStudio(projectUrl)
    const second = await openStudio(projectUrl)
    await expect
      .poll(() => preview(second).getByRole('button', { name: 'Taps: 7' }).count())
      .toBe(1)
    await expect.poll(() => nodes(second).count()).toBe(4)
    await first
      .getByRole('region', { name: 'Palette' })
      .getByRole('button', { name: 'Input' })
      .click()
    await expect.poll(() => nodes(second).count()).toBe(5)
    await closeWhenSaved(first)
    await closeWhenSaved(second)
  })

  test('stopping the server with Ctrl-C and starting it again loses nothing', async () => {
    const code = await studio.server.stop()
    expect(code).toBe(0)
    const { dataDir, port } = studio.server
    studio.server = await startServer({ dataDir, port })
    const page = await openStudio(projectUrl)
    await expect.poll(() => nodes(page).count()).toBe(5)
    await expect.poll(() => preview(page).getByRole('button', { name: 'Taps: 7' }).count()).toBe(1)
    await closeWhenSaved(page)
  })
})
