import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { openWindow, preview, studioForFile, visitorBrowserForFile } from './observe-page'

/**
 * Publishing, end to end in Chromium: build from a template in the studio, publish with the
 * top bar's "Publish", open the link in a fresh browser context (a visitor: no login), use
 * the app, reload (its per-visitor state is kept), publish a second version, find the first
 * still at its version URL, and roll back from the versions list.
 */
const running = studioForFile()
const visitors = visitorBrowserForFile()

const palette = (page: Page) => page.getByRole('region', { name: 'Palette' })
const publishDialog = (page: Page) => page.getByRole('dialog', { name: 'Publish' })

async function publishVersion(page: Page, note: string): Promise<string> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click()
  const dialog = publishDialog(page)
  await dialog.getByRole('textbox', { name: 'Note' }).fill(note)
  await dialog.getByRole('button', { name: 'Publish version' }).click()
  const link = dialog.getByRole('status', { name: 'Publish status' }).getByRole('link')
  await link.waitFor()
  return (await link.getAttribute('href')) as string
}

/** The owner's studio window on a new project made from the Form template. */
async function newFormProject(): Promise<Page> {
  const studio = await openWindow(running.browser, running.server, {
    viewport: { width: 1400, height: 900 },
  })
  await palette(studio)
    .getByRole('list', { name: 'Templates' })
    .getByRole('button', { name: 'Form' })
    .click()
  return studio
}

test('publish, visit, reload, publish again, open version 1, roll back', async () => {
  const studio = await newFormProject()
  await preview(studio).getByRole('button', { name: 'Send' }).waitFor()

  const path = await publishVersion(studio, 'first')
  expect(path).toBe('/apps/untitled')
  await expect
    .poll(() =>
      publishDialog(studio).getByRole('region', { name: 'Versions' }).getByRole('listitem').count(),
    )
    .toBe(1)
  const key = await publishDialog(studio).locator('.studio-publish-key code').textContent()
  expect(key).toMatch(/^troupe_app_/)
  await publishDialog(studio).getByRole('button', { name: 'Close' }).click()

  // A visitor: a fresh context of a browser that never logged in.
  const visitor = await visitors.browser.newContext()
  const app = await visitor.newPage()
  await app.goto(`${running.server.url}${path}`)
  await app.getByRole('textbox').fill('hello from a visitor')
  await app.getByRole('button', { name: 'Send' }).click()
  await app.getByText('hello from a visitor', { exact: true }).and(app.locator('p')).waitFor()
  // The app's own CSS came with it: Send is blue (bg-blue-600), compiled from its classes.
  const background = await app
    .getByRole('button', { name: 'Send' })
    .evaluate((el) => getComputedStyle(el).backgroundColor)
  expect(background).not.toBe('rgba(0, 0, 0, 0)')
  await app.reload()
  await app.locator('p', { hasText: 'hello from a visitor' }).waitFor()
  // The visitor's page never loaded editor code.
  const scripts = await app.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => entry.name),
  )
  expect(scripts.some((name) => /monaco|xyflow|studio/i.test(name))).toBe(false)

  // Version 2 adds a button; the live app shows it, version 1 does not.
  await palette(studio)
    .getByRole('list', { name: 'Actor kinds' })
    .getByRole('button', { name: 'Button' })
    .click()
  await publishVersion(studio, 'with a button')
  await app.goto(`${running.server.url}${path}`)
  await app.getByRole('button', { name: 'Click me' }).waitFor()
  await app.goto(`${running.server.url}${path}/v/1`)
  await app.getByRole('button', { name: 'Send' }).waitFor()
  expect(await app.getByRole('button', { name: 'Click me' }).count()).toBe(0)

  // The versions list shows what changed, then rolls back to version 1 as version 3.
  const versions = publishDialog(studio).getByRole('region', { name: 'Versions' })
  await versions
    .getByRole('listitem', { name: 'Version 2' })
    .getByRole('button', { name: 'Changes' })
    .click()
  await expect
    .poll(() => versions.getByRole('region', { name: 'Changes' }).textContent())
    .toMatch(/Added actor "button-/)
  await versions
    .getByRole('listitem', { name: 'Version 1' })
    .getByRole('button', { name: 'Roll back' })
    .click()
  await versions.getByRole('listitem', { name: 'Version 3' }).waitFor()
  expect(await versions.getByRole('listitem', { name: 'Version 3' }).textContent()).toContain(
    'live',
  )
  await app.goto(`${running.server.url}${path}`)
  await app.getByRole('button', { name: 'Send' }).waitFor()
  expect(await app.getByRole('button', { name: 'Click me' }).count()).toBe(0)
  await app.goto(`${running.server.url}${path}/v/2`)
  await app.getByRole('button', { name: 'Click me' }).waitFor()
  await Promise.all([studio.context().close(), visitor.close()])
})

test('a shared-state app: two visitors see the same state, synced through the server', async () => {
  const studio = await newFormProject()
  await studio.getByRole('button', { name: 'Publish', exact: true }).click()
  const dialog = publishDialog(studio)
  await dialog.getByRole('textbox', { name: 'App address' }).fill('team-board')
  await dialog.getByRole('radio', { name: /Shared/ }).check()
  await dialog.getByRole('button', { name: 'Publish version' }).click()
  await dialog.getByRole('status', { name: 'Publish status' }).getByRole('link').waitFor()

  const [first, second] = await Promise.all([
    visitors.browser.newContext().then((c) => c.newPage()),
    visitors.browser.newContext().then((c) => c.newPage()),
  ])
  await Promise.all(
    [first, second].map((page) => page.goto(`${running.server.url}/apps/team-board`)),
  )
  await first.getByRole('textbox').fill('seen by everyone')
  await first.getByRole('button', { name: 'Send' }).click()
  await second.locator('p', { hasText: 'seen by everyone' }).waitFor()
  await studio.context().close()
})
