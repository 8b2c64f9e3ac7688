import { importProjectFile } from '@troupe/documents'
import { createNodeRepo, whenSynced } from '@troupe/documents/node'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, describe, expect, test } from 'vitest'
import { epochCounterProject, studioForFile, visitorBrowserForFile } from './observe-page'

/**
 * The published player over an instance that rotates into epochs every three messages
 * (documents instance/epochs.ts): a per-visitor app rotates in the visitor's browser and a
 * reload reopens the current epoch; a shared app is rotated by the server and every visitor's
 * page follows and keeps showing the same count.
 */
const running = studioForFile()
const visitors = visitorBrowserForFile()
const contexts: BrowserContext[] = []
afterAll(async () => {
  for (const context of contexts) await context.close()
})

const counterApp = epochCounterProject('Counter')

/** Publishes the counter as `slug` through the server's API, as the owner. */
async function publishCounter(slug: string, scope: 'visitor' | 'shared') {
  const token = new URL(running.server.loginUrl).searchParams.get('token')!
  const owner = createNodeRepo({
    syncUrl: `ws://localhost:${running.server.port}/sync?token=${token}`,
  })
  try {
    const { project, instance } = importProjectFile(owner, counterApp)
    await whenSynced(owner, project)
    await whenSynced(owner, instance)
    const response = await fetch(`${running.server.url}/api/apps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ project: project.url, slug, scope }),
    })
    expect(response.status).toBe(201)
  } finally {
    await owner.shutdown()
  }
}

async function visit(slug: string): Promise<Page> {
  const context = await visitors.browser.newContext()
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${running.server.url}/apps/${slug}`)
  return page
}

const counter = (page: Page) => page.getByRole('button', { name: /^Clicks:/ })

async function clickTo(page: Page, from: number, to: number) {
  for (let i = from + 1; i <= to; i++) {
    await counter(page).click()
    await expect.poll(() => counter(page).innerText()).toBe(`Clicks: ${i}`)
  }
}

describe('the player over an instance that rotates into epochs', () => {
  test('a per-visitor app keeps counting across epochs and a reload reopens the current one', async () => {
    await publishCounter('solo-counter', 'visitor')
    const page = await visit('solo-counter')
    const stored = () =>
      page.evaluate(() => localStorage.getItem('troupe-app:solo-counter:instance'))
    await expect.poll(() => counter(page).innerText()).toBe('Clicks: 0')
    const first = await stored()
    await clickTo(page, 0, 7)
    // Seven messages at three per epoch: the browser now remembers the third epoch, so the
    // next visit opens it directly instead of the first.
    await expect.poll(stored).not.toBe(first)
    await page.reload()
    await expect.poll(() => counter(page).innerText()).toBe('Clicks: 7')
    await clickTo(page, 7, 8)
  })

  test('a shared app rotated by the server: two visitors follow and see the same count', async () => {
    await publishCounter('team-counter', 'shared')
    const alice = await visit('team-counter')
    const bob = await visit('team-counter')
    await clickTo(alice, 0, 4)
    await expect.poll(() => counter(bob).innerText(), { timeout: 20_000 }).toBe('Clicks: 4')
    await clickTo(bob, 4, 7)
    await expect.poll(() => counter(alice).innerText(), { timeout: 20_000 }).toBe('Clicks: 7')
    const late = await visit('team-counter')
    await expect.poll(() => counter(late).innerText(), { timeout: 20_000 }).toBe('Clicks: 7')
  })
})
