import type { InstanceDoc, ProjectDoc } from '@troupe/documents'
import { createNodeRepo } from '@troupe/documents/node'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import {
  chooseImportFile,
  epochCounterProject,
  historyStatus,
  messageCount,
  newPage,
  preview,
  savedToServer,
  studioForFile,
  timeTravel,
} from './observe-page'

/**
 * A running instance rotates into a new epoch document every `epochSize` messages
 * (packages/documents/src/instance/epochs.ts). In the studio that must not show: the app keeps
 * its state, the Messages panel and time travel cover every epoch, and a second studio and a
 * reload open the current epoch.
 */
const studio = studioForFile()

const counterProject = epochCounterProject('Epoch counter')

const travel = timeTravel
const status = historyStatus
const saved = savedToServer
const counter = (page: Page) => preview(page).getByRole('button', { name: /^Clicks:/ })

async function importCounter(page: Page) {
  await chooseImportFile(page, 'epoch-counter.troupe.json', counterProject)
  await expect.poll(() => counter(page).innerText(), { timeout: 20_000 }).toBe('Clicks: 0')
}

describe('an instance that rotates into epochs, in the studio', () => {
  test('keeps counting across epochs; history, a reload and a second studio see all of it', async () => {
    const page = await newPage(studio.browser, studio.server)
    await importCounter(page)
    for (let i = 1; i <= 7; i++) {
      await counter(page).click()
      await expect.poll(() => counter(page).innerText()).toBe(`Clicks: ${i}`)
    }
    // Seven messages at three per epoch: the third epoch is running now.
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('Live (7 messages)')
    await expect.poll(() => messageCount(page)).toBe('7 shown of 7')

    // The past in an earlier epoch, with the keyboard.
    const slider = travel(page).getByRole('slider', { name: 'History position' })
    await slider.focus()
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => counter(page).innerText()).toBe('Clicks: 2')
    await travel(page).getByRole('button', { name: 'Live' }).click()
    await expect.poll(() => counter(page).innerText()).toBe('Clicks: 7')
    await saved(page)

    // On the server, the project names the third epoch, which follows the first two.
    const token = new URL(studio.server.loginUrl).searchParams.get('token')!
    const peer = createNodeRepo({
      syncUrl: `ws://localhost:${studio.server.port}/sync?token=${token}`,
    })
    try {
      const documentId = new URL(page.url()).pathname.split('/').pop()!
      const project = await peer.find<ProjectDoc>(`automerge:${documentId}` as never)
      const epoch = await peer.find<InstanceDoc>(project.doc().instanceUrl as never)
      expect(epoch.doc().previous?.start).toBe(6)
      const second = await peer.find<InstanceDoc>(epoch.doc().previous!.url as never)
      expect(second.doc().next).toBe(epoch.url)
      expect(second.doc().previous?.start).toBe(3)
    } finally {
      await peer.shutdown()
    }

    const other = await newPage(studio.browser, studio.server)
    await other.goto(page.url())
    await expect.poll(() => counter(other).innerText(), { timeout: 20_000 }).toBe('Clicks: 7')
    await counter(other).click()
    await expect.poll(() => counter(page).innerText(), { timeout: 20_000 }).toBe('Clicks: 8')
    await saved(other)
    await other.context().close()

    await page.reload()
    await expect.poll(() => counter(page).innerText(), { timeout: 20_000 }).toBe('Clicks: 8')
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('Live (8 messages)')
    await counter(page).click()
    await expect.poll(() => counter(page).innerText()).toBe('Clicks: 9')
    await page.context().close()
  })
})
