import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { counterView, epochCounterProject } from '../test/counterProject'
import { launchBrowser, type RunningServer, startServer } from './harness'

/**
 * Shared steps of the studio e2e tests: the file's server and browser, windows on the studio,
 * and, for the observe tests (messages, lint, time travel, hot edits), a fresh project with
 * one button whose clicks count in its context.
 */
export { counterView, epochCounterProject }

export interface StudioForFile {
  /** A test that restarts the server puts the new one here; the one here at the end is stopped. */
  server: RunningServer
  browser: Browser
}

/**
 * One real server and one Chromium for the test file, stopped after it. The browser's
 * contexts are logged in as the owner; with `login: false` they are not (the login page).
 */
export function studioForFile(options: { login?: boolean } = {}): StudioForFile {
  const running = {} as StudioForFile
  beforeAll(async () => {
    running.server = await startServer()
    running.browser = await launchBrowser(options)
  })
  afterAll(async () => {
    await running.browser?.close()
    await running.server?.stop()
  })
  return running
}

/** A second Chromium for the test file that never logs in: the visitors of published apps. */
export function visitorBrowserForFile(): { browser: Browser } {
  const running = {} as { browser: Browser }
  beforeAll(async () => {
    running.browser = await launchBrowser({ login: false })
  })
  afterAll(async () => {
    await running.browser?.close()
  })
  return running
}

export interface Viewport {
  width: number
  height: number
}

/** A fresh browser context (a window of its own, as logged in as its browser) with clipboard. */
export async function studioContext(
  browser: Browser,
  server: RunningServer,
  viewport: Viewport = { width: 1600, height: 1000 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
  return context
}

/** Opens the studio at `url` in `context`; resolves once the canvas shows the root actor. */
export async function openStudio(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  await page.goto(url)
  await page.waitForURL(/\/p\/[A-Za-z0-9]+$/)
  await page.getByRole('region', { name: 'Canvas' }).locator('.react-flow__node').first().waitFor()
  return page
}

/** A fresh window on the studio: `url` opens that project, the server's `/` a new one. */
export async function openWindow(
  browser: Browser,
  server: RunningServer,
  options: { url?: string; viewport?: Viewport } = {},
): Promise<Page> {
  const context = await studioContext(browser, server, options.viewport)
  return openStudio(context, options.url ?? server.url)
}

/** A fresh window on a new project, tall enough for the observe panels. */
export function newPage(browser: Browser, server: RunningServer): Promise<Page> {
  return openWindow(browser, server, { viewport: { width: 1600, height: 1100 } })
}

/** Waits until the window's changes are on the server: a sync round may take a while. */
export async function savedToServer(page: Page) {
  await expect
    .poll(() => page.getByRole('status', { name: 'Sync status' }).innerText(), {
      timeout: 20_000,
    })
    .toBe('Saved to server')
}

/** Closes the window once the server holds its changes, as a person waits for "Saved". */
export async function closeWhenSaved(page: Page) {
  await savedToServer(page)
  await page.context().close()
}

/** The Time travel region, its status line, and the Messages panel's count. */
export const timeTravel = (page: Page) => page.getByRole('region', { name: 'Time travel' })
export const historyStatus = (page: Page) =>
  timeTravel(page).getByRole('status', { name: 'History status' }).innerText()
export const messageCount = (page: Page) =>
  page
    .getByRole('region', { name: 'Messages' })
    .getByRole('status', { name: 'Message count' })
    .innerText()

/** Empties the selection by clicking an empty spot of the canvas. */
export async function clickEmptyCanvas(page: Page) {
  await page
    .getByRole('region', { name: 'Canvas' })
    .locator('.react-flow__pane')
    .click({ position: { x: 8, y: 8 } })
}

export const preview = (page: Page) =>
  page.getByRole('region', { name: 'Preview' }).frameLocator('iframe[title="App preview"]')

/** Adds a palette item; the palette selects what it adds. */
export async function addFromPalette(page: Page, name: string) {
  await page.getByRole('region', { name: 'Palette' }).getByRole('button', { name }).click()
}

/** Replaces the view editor's text the way people do it: select all, paste. */
export async function replaceViewText(page: Page, text: string) {
  const editor = page.getByRole('region', { name: 'View JSON' }).locator('.monaco-editor').first()
  await editor.click()
  await page.evaluate((value) => navigator.clipboard.writeText(value), text)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
}

/** Replaces the selected actor's view JSON in Monaco, as a paste. */
export function setSelectedView(page: Page, view: object) {
  return replaceViewText(page, JSON.stringify(view))
}

/** The selected actor's view JSON as the editor holds it, copied as a person would. */
export async function selectedViewText(page: Page): Promise<string> {
  const editor = page.getByRole('region', { name: 'View JSON' }).locator('.monaco-editor').first()
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+C')
  return page.evaluate(() => navigator.clipboard.readText())
}

/**
 * Chooses a project file with the studio's Import button, as a person picks one in the file
 * dialog: `content` as it is when a string (a broken file), else as JSON.
 */
export async function chooseImportFile(page: Page, name: string, content: unknown) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import' }).click(),
  ])
  await chooser.setFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
  })
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
