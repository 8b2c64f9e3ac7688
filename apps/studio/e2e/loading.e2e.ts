import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Route } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { closeWhenSaved, newPage, openStudio, studioContext, studioForFile } from './observe-page'

/**
 * What the studio loads, and when (issue 5, open time): Automerge's wasm as its own file,
 * Monaco with its JSON language only and only once an actor is selected, so a project's
 * canvas is interactive before the editor arrives, while the "View JSON" region is there
 * from the start and says the editor is loading.
 */
const assets = fileURLToPath(new URL('../dist/assets/', import.meta.url))
const studio = studioForFile()

describe('loading the studio', () => {
  test('the build has Automerge as a .wasm file and no Monaco language but JSON', () => {
    const files = readdirSync(assets)
    expect(files.some((name) => name.endsWith('.wasm'))).toBe(true)
    // Monaco's other languages come with their own workers; none may be built.
    expect(files.filter((name) => /^(ts|css|html)\.worker/.test(name))).toEqual([])
    // "AGFzbQ" is "\0asm", the start of a wasm module, in base64: no JavaScript inlines one.
    const inlined = files.filter(
      (name) => name.endsWith('.js') && readFileSync(join(assets, name), 'utf8').includes('AGFzbQ'),
    )
    expect(inlined).toEqual([])
  })

  test('Monaco loads with the first selection; until then View JSON says what to do', async () => {
    const context = await studio.browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await context.newPage()
    const requested: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))
    // Monaco's chunk is held back until the test lets it go, to see the loading state.
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    await page.route(/\/assets\/monacoSetup-[^/]*\.js$/, async (route: Route) => {
      await held
      await route.continue()
    })
    await page.goto(`${studio.server.url}/?new`)
    const region = page.getByRole('region', { name: 'View JSON' })
    const node = page.locator('.react-flow__node').first()
    await node.waitFor()
    await expect.poll(() => region.innerText()).toContain('Select an actor on the canvas')
    expect(requested.some((path) => path.endsWith('.wasm'))).toBe(true)
    // Its stylesheet and font are in the page's head from the start (the next test); its
    // script and workers wait for a selection.
    expect(requested.filter((path) => /monacoSetup-[^/]*\.js$|\.worker/.test(path))).toEqual([])

    await node.click()
    // The selection shows at once (the inspector has the actor), the editor is on its way.
    await page
      .getByRole('region', { name: 'Inspector' })
      .getByRole('textbox', { name: 'Role' })
      .waitFor()
    await region.getByRole('status').filter({ hasText: 'Loading the editor…' }).waitFor()
    expect(await region.locator('.monaco-editor').count()).toBe(0)

    release()
    await region.locator('.monaco-editor').first().waitFor()
    await expect.poll(() => region.locator('.view-lines').innerText()).toContain('container')
    expect(await region.getByText('Loading the editor…').count()).toBe(0)
    expect(requested.some((path) => /\/monacoSetup-[^/]*\.js$/.test(path))).toBe(true)
    await context.close()
  })

  test("the editor's stylesheet and fonts are there before the canvas, none added with Monaco", async () => {
    // A stylesheet or font that arrives once a canvas is drawn makes Chromium restyle or lay
    // out every element of the page again (hundreds of milliseconds with 1,000 actors).
    const page = await newPage(studio.browser, studio.server)
    await page.locator('.react-flow__node').first().waitFor()
    const styles = () =>
      page.evaluate(() => ({
        sheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
          (link) => new URL(link.href).pathname,
        ),
        fonts: [...document.fonts].map((face) => `${face.family} ${face.status}`),
      }))
    const before = await styles()
    expect(before.sheets.some((path) => /\/monacoSetup-[^/]*\.css$/.test(path))).toBe(true)
    expect(before.fonts.length).toBeGreaterThan(0)
    // Every declared font is loaded, or on its way, before anything asks for it.
    expect(before.fonts.filter((font) => font.endsWith(' unloaded'))).toEqual([])

    await page.locator('.react-flow__node').first().click()
    const editor = page.getByRole('region', { name: 'View JSON' }).locator('.monaco-editor')
    await editor.first().waitFor()
    await expect
      .poll(async () => (await styles()).fonts.every((f) => f.endsWith(' loaded')))
      .toBe(true)
    const after = await styles()
    expect(after.sheets).toEqual(before.sheets)
    expect(after.fonts.map((font) => font.split(' ')[0])).toEqual(
      before.fonts.map((font) => font.split(' ')[0]),
    )
    await closeWhenSaved(page)
  })

  test("a project's address asks for its saved copy as the page starts, and its instance's, once each", async () => {
    const first = await newPage(studio.browser, studio.server)
    await first.locator('.react-flow__node').first().waitFor()
    const url = first.url()
    const id = new URL(url).pathname.split('/').pop()
    await closeWhenSaved(first)

    // A browser that has never held it: the page itself asks (before the studio's script
    // runs and asks the server who is logged in), and the studio opens from that answer.
    const context = await studioContext(studio.browser, studio.server)
    const requested: string[] = []
    context.on('request', (request) => requested.push(new URL(request.url()).pathname))
    const instanceId = context
      .waitForEvent(
        'response',
        (answer) => new URL(answer.url()).pathname === `/api/documents/${id}`,
      )
      .then((answer) => answer.headers()['troupe-instance'])
    const page = await openStudio(context, url)
    expect(await page.locator('.react-flow__node').first().innerText()).toContain('root')
    const api = requested.filter((path) => path.startsWith('/api/'))
    expect(api.filter((path) => path === `/api/documents/${id}`)).toHaveLength(1)
    expect(api.indexOf(`/api/documents/${id}`)).toBeLessThan(api.indexOf('/api/session'))
    // The project's answer names its instance, and the page asks for that one next, not the
    // studio once it has loaded the project.
    const instance = `/api/documents/${await instanceId}`
    expect(api.filter((path) => path === instance)).toHaveLength(1)
    expect(api.indexOf(instance)).toBeLessThan(api.indexOf('/api/session'))
    await context.close()
  })

  test('a browser that never held them opens the project and the projects list before sync connects', async () => {
    const first = await newPage(studio.browser, studio.server)
    await first.locator('.react-flow__node').first().waitFor()
    const url = first.url()
    await closeWhenSaved(first)

    // The sync connection held back: everything the opening waits for (the project, its
    // instance and the projects list, which tells whether the project was deleted) comes
    // from the server's saved copies.
    const context = await studioContext(studio.browser, studio.server)
    let syncTries = 0
    await context.routeWebSocket(/\/sync/, (socket) => {
      syncTries++
      socket.close()
    })
    const page = await openStudio(context, url)
    expect(await page.locator('.react-flow__node').first().innerText()).toContain('root')
    await page.getByRole('button', { name: 'Projects', exact: true }).click()
    const listed = page
      .getByRole('dialog', { name: 'Projects' })
      .getByRole('region', { name: 'Your projects' })
      .getByRole('listitem')
    await expect.poll(() => listed.count()).toBeGreaterThan(0)
    expect(syncTries).toBeGreaterThan(0)
    await context.close()
  })
})
