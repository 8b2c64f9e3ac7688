import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { launchBrowser, type RunningServer, startServer } from './harness'

/**
 * Shared steps of the observe e2e tests (messages, lint, time travel, hot edits): a fresh
 * project with one button whose clicks count in its context.
 */
export const counterView = {
  tag: 'button',
  bindings: { text: { $concat: ['Clicks: ', { $string: { $: 'context.clicks' } }] } },
  events: {
    click: {
      event: '@input/updateContext',
      payload: { clicks: { $add: [{ $: 'context.clicks' }, 1] } },
    },
  },
}

/** One real server and one logged-in Chromium for the test file, stopped after it. */
export function studioForFile(): { server: RunningServer; browser: Browser } {
  const running = {} as { server: RunningServer; browser: Browser }
  beforeAll(async () => {
    running.server = await startServer()
    running.browser = await launchBrowser()
  })
  afterAll(async () => {
    await running.browser?.close()
    await running.server?.stop()
  })
  return running
}

export async function newPage(browser: Browser, server: RunningServer): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1100 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  await page.goto(server.url)
  await page.waitForURL(/\/p\/[A-Za-z0-9]+$/)
  return page
}

export const preview = (page: Page) =>
  page.getByRole('region', { name: 'Preview' }).frameLocator('iframe[title="App preview"]')

/** Adds a palette item; the palette selects what it adds. */
export async function addFromPalette(page: Page, name: string) {
  await page.getByRole('region', { name: 'Palette' }).getByRole('button', { name }).click()
}

/** Replaces the selected actor's view JSON in Monaco, as a paste. */
export async function setSelectedView(page: Page, view: object) {
  const editor = page.getByRole('region', { name: 'View JSON' }).locator('.monaco-editor').first()
  await editor.click()
  await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(view))
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
}

/** The selected actor's view JSON as the editor holds it, copied as a person would. */
export async function selectedViewText(page: Page): Promise<string> {
  const editor = page.getByRole('region', { name: 'View JSON' }).locator('.monaco-editor').first()
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+C')
  return page.evaluate(() => navigator.clipboard.readText())
}

/** A project with one counter button, clicked `clicks` times. */
export async function counterPage(browser: Browser, server: RunningServer, clicks = 0) {
  const page = await newPage(browser, server)
  await addFromPalette(page, 'Button')
  await setSelectedView(page, counterView)
  const counter = preview(page).getByRole('button', { name: /^Clicks:/ })
  await expect.poll(() => counter.innerText()).toBe('Clicks: 0')
  for (let i = 0; i < clicks; i++) {
    await counter.click()
    await expect.poll(() => counter.innerText()).toBe(`Clicks: ${i + 1}`)
  }
  return { page, counter }
}
