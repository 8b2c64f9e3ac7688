import type { Frame, Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import {
  addFromPalette,
  counterView,
  openStudio,
  openWindow,
  preview,
  setSelectedView,
  studioContext,
  studioForFile,
} from './observe-page'

/**
 * The preview runs the app in a sandboxed frame. These tests run code *inside* that frame, as
 * a renderer bug or a hostile view that got past every allow-list would, and check that it
 * reaches nothing of the studio, and that the studio and the app keep working.
 */
const studio = studioForFile()

/** A new project with a Button, once the preview shows it. */
async function openNewProject(): Promise<Page> {
  const page = await openWindow(studio.browser, studio.server, {
    viewport: { width: 1400, height: 900 },
  })
  await addFromPalette(page, 'Button')
  await preview(page).getByRole('button', { name: 'Click me' }).waitFor()
  return page
}

function previewFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().endsWith('/preview.html'))
  if (!frame) throw new Error('no preview frame')
  return frame
}

describe('forms in the preview', () => {
  test('pressing Enter in a form raises its submit event, and the frame stays where it is', async () => {
    const page = await openNewProject()
    await setSelectedView(page, {
      container: { layout: 'flex', tag: 'form' },
      events: {
        submit: { event: '@input/updateContext', payload: { sent: { $: 'context.draft' } } },
      },
      children: [
        {
          slot: 'draft',
          leaf: {
            tag: 'input',
            attributes: { type: 'text', 'aria-label': 'Draft' },
            bindings: { value: 'context.draft' },
            events: { input: { event: '@input/updateContext' } },
          },
        },
        {
          slot: 'sent',
          leaf: {
            tag: 'p',
            bindings: { text: { $concat: ['Sent: ', { $string: { $: 'context.sent' } }] } },
          },
        },
      ],
    })
    const draft = preview(page).getByRole('textbox', { name: 'Draft' })
    await draft.fill('hello')
    await draft.press('Enter')
    await expect
      .poll(() => preview(page).getByText('Sent: hello').count(), { timeout: 20_000 })
      .toBe(1)
    // The renderer prevents the form's own submission, so the frame did not navigate.
    expect(previewFrame(page).url()).toMatch(/\/preview\.html$/)
    await page.context().close()
  })
})

describe('preview isolation', () => {
  test('the frame is sandboxed to scripts and forms only, without the studio origin', async () => {
    const page = await openNewProject()
    const frame = page.getByRole('region', { name: 'Preview' }).locator('iframe')
    await expect(frame.getAttribute('sandbox')).resolves.toBe('allow-scripts allow-forms')
    await expect(previewFrame(page).evaluate(() => self.origin)).resolves.toBe('null')
    await page.context().close()
  })

  test('code running in the frame cannot read the studio page, its cookie or its stored documents', async () => {
    const page = await openNewProject()
    // The studio itself is logged in: its own requests carry the session cookie.
    await expect(page.evaluate(() => fetch('/api/session').then((r) => r.status))).resolves.toBe(
      200,
    )

    const attempts = await previewFrame(page).evaluate(async () => {
      const attempt = async (run: () => unknown) => {
        try {
          return `read: ${String(await run())}`
        } catch (error) {
          return `blocked: ${(error as Error).name}`
        }
      }
      return {
        parentDocument: await attempt(() => window.parent.document.title),
        topDocument: await attempt(() => window.top?.document.body.innerHTML),
        parentLocation: await attempt(() => window.parent.location.href),
        cookie: await attempt(() => document.cookie),
        localStorage: await attempt(() => window.localStorage.length),
        indexedDB: await attempt(
          () =>
            new Promise((resolve, reject) => {
              const open = indexedDB.open('automerge')
              open.onsuccess = () => resolve(open.result.objectStoreNames.length)
              open.onerror = () => reject(open.error)
            }),
        ),
        // The server's owner-only API asked with credentials: from the opaque origin this is
        // a cross-site CORS request, so neither the login cookie nor the answer comes through.
        ownerApi: await attempt(async () => {
          const response = await fetch('/api/session', { credentials: 'include' })
          return response.status
        }),
      }
    })
    expect(attempts).toEqual({
      parentDocument: 'blocked: SecurityError',
      topDocument: 'blocked: SecurityError',
      parentLocation: 'blocked: SecurityError',
      cookie: 'blocked: SecurityError',
      localStorage: 'blocked: SecurityError',
      indexedDB: 'blocked: SecurityError',
      ownerApi: 'blocked: TypeError',
    })
    await page.context().close()
  })

  test('forged messages from the frame change nothing, and the studio and the app keep working', async () => {
    const page = await openNewProject()
    await setSelectedView(page, counterView)
    const counter = preview(page).getByRole('button', { name: /^Clicks:/ })
    await expect.poll(() => counter.innerText()).toBe('Clicks: 0')

    // A frame that tries to talk to the studio's window directly, and to wreck its own page.
    await previewFrame(page).evaluate(() => {
      const forged = { from: 'root', event: '@input/updateContext', payload: { clicks: 99 } }
      window.parent.postMessage({ type: 'troupe:event', event: forged }, '*')
      window.parent.postMessage({ type: 'troupe:ready' }, '*')
      document.title = 'pwned'
    })
    await expect(page.title()).resolves.toBe('Troupe studio')
    await expect(counter.innerText()).resolves.toBe('Clicks: 0')

    await counter.click()
    await counter.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => counter.innerText()).toBe('Clicks: 2')
    for (const name of ['Canvas', 'Palette', 'View JSON', 'Preview']) {
      await expect(page.getByRole('region', { name }).count()).resolves.toBe(1)
    }
    await page.context().close()
  })
})

describe('preview styles', () => {
  test('Tailwind classes in a view are styled inside the frame, and no style crosses the frame', async () => {
    const page = await openNewProject()
    await setSelectedView(page, {
      tag: 'button',
      // `studio-preview` is one of the studio's own classes: inside the frame it means nothing.
      classes: 'studio-preview bg-red-500 px-[13px] text-white',
      elements: ['Red'],
    })
    const red = preview(page).getByRole('button', { name: 'Red' })
    await red.waitFor()
    await expect
      .poll(() => red.evaluate((el) => getComputedStyle(el).backgroundColor))
      .toBe('oklch(0.637 0.237 25.331)')
    const inFrame = await red.evaluate((el) => {
      const style = getComputedStyle(el)
      return {
        paddingLeft: style.paddingLeft,
        color: style.color,
        flexDirection: style.flexDirection,
      }
    })
    expect(inFrame).toEqual({
      paddingLeft: '13px',
      color: 'rgb(255, 255, 255)',
      flexDirection: 'row', // the studio's .studio-preview sets column
    })

    // The same classes on an element of the studio's own page get none of the app's CSS.
    const inStudio = await page.evaluate(() => {
      const probe = document.createElement('div')
      probe.className = 'bg-red-500 px-[13px]'
      document.body.append(probe)
      const style = getComputedStyle(probe)
      const result = {
        background: style.backgroundColor,
        paddingLeft: style.paddingLeft,
        themeVariable: getComputedStyle(document.documentElement).getPropertyValue(
          '--color-red-500',
        ),
      }
      probe.remove()
      return result
    })
    expect(inStudio).toEqual({
      background: 'rgba(0, 0, 0, 0)',
      paddingLeft: '0px',
      themeVariable: '',
    })
    await page.context().close()
  })
})

/**
 * Init script: when the preview frame is put into the page, notes what the canvas showed then
 * (`canvasAtPreview`): how many nodes were visible, and the viewport's transform (React
 * Flow's initial one until the view is fitted to the nodes).
 */
function recordCanvasWhenPreviewLoads() {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('iframe[title="App preview"]')) return
    observer.disconnect()
    const nodes = [...document.querySelectorAll('.react-flow__node')]
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')
    Object.assign(window, {
      canvasAtPreview: {
        shown: nodes.filter((node) => node.checkVisibility({ visibilityProperty: true })).length,
        transform: viewport?.style.transform ?? null,
      },
    })
  }).observe(document, { childList: true, subtree: true })
}

const canvasAtPreview = (page: Page) =>
  page.evaluate(
    () =>
      (window as { canvasAtPreview?: unknown }).canvasAtPreview as {
        shown: number
        transform: string | null
      },
  )

describe('when the preview loads', () => {
  test('the preview frame loads once the canvas has drawn the project, fitted to view', async () => {
    const context = await studioContext(studio.browser, studio.server)
    await context.addInitScript(recordCanvasWhenPreviewLoads)
    const page = await openStudio(context, studio.server.url)
    await addFromPalette(page, 'Button')
    await preview(page).getByRole('button', { name: 'Click me' }).waitFor()
    const seen = await canvasAtPreview(page)
    expect(seen.shown).toBeGreaterThan(0)
    expect(seen.transform).not.toBe('translate(0px, 0px) scale(1)')
    await context.close()
  })

  test('a canvas that never draws does not keep the app from showing', async () => {
    const context = await studioContext(studio.browser, studio.server)
    await context.addInitScript(recordCanvasWhenPreviewLoads)
    // The canvas takes no room, so React Flow never measures a node nor fits the view.
    await context.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        const hide = document.createElement('style')
        hide.textContent = '.react-flow { display: none !important }'
        document.head.append(hide)
      }),
    )
    const page = await context.newPage()
    await page.goto(studio.server.url)
    await page.waitForURL(/\/p\/[A-Za-z0-9]+$/)
    await page
      .getByRole('region', { name: 'Palette' })
      .getByRole('button', { name: 'Button' })
      .click()
    await preview(page).getByRole('button', { name: 'Click me' }).waitFor({ timeout: 20_000 })
    expect((await canvasAtPreview(page)).shown).toBe(0)
    await context.close()
  })
})
