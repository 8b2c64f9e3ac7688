import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { clickEmptyCanvas, closeWhenSaved, openWindow, studioForFile } from './observe-page'

/**
 * The canvas, palette, inspector and commands as a person uses them, in real Chromium against
 * the real server: wiring by dragging between handles, refusals with their reason, deleting,
 * copying between projects through the clipboard, auto-layout and the command palette.
 */
const studio = studioForFile()

/** A fresh browser context opening `/`: a new project with only its root. */
const newProjectPage = () => openWindow(studio.browser, studio.server)

/** A new project with the Form template added: form, field and send under the root. */
async function newFormPage(): Promise<Page> {
  const page = await newProjectPage()
  await palette(page).getByRole('button', { name: 'Form' }).click()
  await expect.poll(() => nodes(page).count()).toBe(4)
  return page
}

const canvas = (page: Page) => page.getByRole('region', { name: 'Canvas' })
const nodes = (page: Page) => canvas(page).locator('.react-flow__node')
const node = (page: Page, role: string) =>
  canvas(page).getByRole('group', { name: `Actor ${role}`, exact: true })
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' })
const notice = (page: Page) => page.getByRole('status', { name: 'Canvas messages' })
const palette = (page: Page) => page.getByRole('region', { name: 'Palette' })

/** Drags from one handle to another with the mouse, as a person draws an edge. */
async function dragHandle(page: Page, from: string, to: string) {
  const a = (await canvas(page).getByLabel(from, { exact: true }).boundingBox())!
  const b = (await canvas(page).getByLabel(to, { exact: true }).boundingBox())!
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
  await page.mouse.down()
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 })
  await page.mouse.up()
}

/** Picks an actor by role in one of the inspector's actor selects. */
async function chooseActor(page: Page, select: string, role: string) {
  const combo = inspector(page).getByRole('combobox', { name: select })
  const value = await combo
    .locator('option')
    .evaluateAll(
      (options, wanted) =>
        (options as HTMLOptionElement[]).find((o) => o.text.startsWith(`${wanted} (`))?.value,
      role,
    )
  await combo.selectOption(value ?? '')
}

async function listTexts(page: Page, section: string): Promise<string[]> {
  return inspector(page).getByRole('region', { name: section }).locator('li > span').allInnerTexts()
}

describe('canvas', () => {
  test('a drag that selects a node builds the editor only once the drag ends', async () => {
    const page = await newProjectPage()
    const root = node(page, 'root')
    const role = inspector(page).getByRole('textbox', { name: 'Role' })
    const contextEditor = inspector(page).locator('.monaco-editor')
    // Monaco's script: evaluating it is a long task of its own, which a drag must not wait for.
    const monacoRequests: string[] = []
    page.on('request', (request) => {
      if (/\/monacoSetup-[^/]*\.js$/.test(request.url())) monacoRequests.push(request.url())
    })
    const box = (await root.locator('.actor-node-role').boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 10 })
    // Selected and inspected while the drag goes on, without Monaco (loading it and building
    // the editor took the drag's first frames).
    await expect.poll(() => role.inputValue()).toBe('root')
    await page.waitForTimeout(1500)
    expect(await contextEditor.count()).toBe(0)
    expect(monacoRequests).toEqual([])
    // The node follows the pointer while the drag goes on (each frame goes to React Flow's
    // store directly), not only once it is dropped.
    const during = (await root.locator('.actor-node-role').boundingBox())!
    expect(during.x - box.x).toBeGreaterThan(50)
    expect(during.y - box.y).toBeGreaterThan(20)
    await page.mouse.up()
    await expect.poll(() => contextEditor.count()).toBe(1)
    // A drag once the editor is there keeps it.
    const after = (await root.locator('.actor-node-role').boundingBox())!
    await page.mouse.move(after.x + after.width / 2, after.y + after.height / 2)
    await page.mouse.down()
    await page.mouse.move(after.x + 10, after.y + 40, { steps: 6 })
    expect(await contextEditor.count()).toBe(1)
    await page.mouse.up()
    await closeWhenSaved(page)
  })

  test('dragging one of two selected nodes moves both while dragging, and they stay where dropped', async () => {
    const page = await newFormPage()
    await node(page, 'field').click()
    await node(page, 'send').click({ modifiers: ['Shift'] })
    const at = async (role: string) => (await node(page, role).boundingBox())!
    const [field, send, form] = [await at('field'), await at('send'), await at('form')]
    const grip = (await node(page, 'field').locator('.actor-node-role').boundingBox())!
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2)
    await page.mouse.down()
    await page.mouse.move(grip.x + grip.width / 2 + 80, grip.y + grip.height / 2 + 40, {
      steps: 8,
    })
    const moved = async (role: string, from: { x: number; y: number }) => {
      const box = await at(role)
      return [Math.round(box.x - from.x), Math.round(box.y - from.y)]
    }
    // Both follow the pointer during the drag, by the same distance; the third stays.
    const during = await moved('field', field)
    expect(during[0]).toBeGreaterThan(60)
    expect(await moved('send', send)).toEqual(during)
    expect(await moved('form', form)).toEqual([0, 0])
    await page.mouse.up()
    // Dropped: the document has the new positions, so nothing snaps back.
    await expect.poll(() => moved('field', field)).toEqual(during)
    expect(await moved('send', send)).toEqual(during)
    await closeWhenSaved(page)
  })

  test('dragging messages-out to messages-in adds a subscription, shown in the inspector', async () => {
    const page = await newProjectPage()
    await palette(page).getByRole('button', { name: 'Button' }).click()
    await clickEmptyCanvas(page)
    await palette(page).getByRole('button', { name: 'Text' }).click()
    await expect.poll(() => nodes(page).count()).toBe(3)

    await dragHandle(page, 'Messages out of button', 'Messages into text')
    await expect.poll(() => canvas(page).locator('.react-flow__edge-subscription').count()).toBe(4) // root, button and text subscribe to themselves, plus button → text

    await node(page, 'button').click()
    await expect.poll(() => listTexts(page, 'Subscriptions')).toEqual(['button (itself)', 'text'])
    // The text actor now receives the button's click type.
    await expect(node(page, 'text').innerText()).resolves.toContain('@input/updateContext')
    await closeWhenSaved(page)
  })

  test('a child link that would make a cycle is refused with its reason, and changes nothing', async () => {
    const page = await newProjectPage()
    await palette(page).getByRole('button', { name: 'Container' }).click()
    // The container is selected, so the next actor becomes its child.
    await palette(page).getByRole('button', { name: 'Text' }).click()
    await expect.poll(() => nodes(page).count()).toBe(3)
    await node(page, 'container').click()
    await expect.poll(() => listTexts(page, 'Children')).toEqual(['text'])

    await dragHandle(page, 'Children of text', 'Parent link of container')
    await expect.poll(() => notice(page).innerText()).toContain('TRP-112')
    await expect(notice(page).innerText()).resolves.toContain('cycle')

    // A second parent is refused too, by keyboard through the inspector.
    await node(page, 'root').click()
    await chooseActor(page, 'Actor to add as a child', 'text')
    await inspector(page).getByRole('button', { name: 'Add child' }).click()
    await expect.poll(() => notice(page).innerText()).toContain('TRP-111')
    await expect.poll(() => listTexts(page, 'Children')).toEqual(['container'])
    await node(page, 'text').click()
    await expect.poll(() => listTexts(page, 'Children')).toEqual([])
    await closeWhenSaved(page)
  })

  test('children keep their order, shown on the edges and changed from the inspector', async () => {
    const page = await newProjectPage()
    await palette(page).getByRole('button', { name: 'Button' }).click()
    await clickEmptyCanvas(page)
    await palette(page).getByRole('button', { name: 'Text' }).click()
    await node(page, 'root').click()
    await expect.poll(() => listTexts(page, 'Children')).toEqual(['button', 'text'])
    const labelOf = (child: string) =>
      canvas(page)
        .getByRole('group', { name: new RegExp(`^Child \\d of root: ${child}$`) })
        .textContent()
    await expect.poll(() => labelOf('text')).toBe('2')

    await inspector(page).getByRole('button', { name: 'Move text up' }).click()
    await expect.poll(() => listTexts(page, 'Children')).toEqual(['text', 'button'])
    await expect.poll(() => labelOf('text')).toBe('1')
    await expect(labelOf('button')).resolves.toBe('2')
    await closeWhenSaved(page)
  })

  test('deleting an actor removes every reference to it', async () => {
    const page = await newProjectPage()
    await palette(page).getByRole('button', { name: 'Button' }).click()
    await clickEmptyCanvas(page)
    await palette(page).getByRole('button', { name: 'Text' }).click()
    await dragHandle(page, 'Messages out of button', 'Messages into text')
    await node(page, 'button').click()
    await expect.poll(() => listTexts(page, 'Subscriptions')).toEqual(['button (itself)', 'text'])

    await node(page, 'text').click()
    await page.keyboard.press('Delete')
    await expect.poll(() => nodes(page).count()).toBe(2)
    await expect.poll(() => notice(page).innerText()).toContain('Deleted 1 actor')
    await node(page, 'button').click()
    await expect.poll(() => listTexts(page, 'Subscriptions')).toEqual(['button (itself)'])
    await node(page, 'root').click()
    await expect.poll(() => listTexts(page, 'Children')).toEqual(['button'])

    // The root stays, with the reason.
    await page.keyboard.press('Delete')
    await expect.poll(() => notice(page).innerText()).toContain('TRP-113')
    await expect(nodes(page).count()).resolves.toBe(2)
    await closeWhenSaved(page)
  })

  test('copied actors paste into another project with new ids and their links', async () => {
    const first = await newFormPage()
    await node(first, 'form').click()
    await node(first, 'field').click({ modifiers: ['Shift'] })
    await node(first, 'send').click({ modifiers: ['Shift'] })
    await first.keyboard.press('ControlOrMeta+C')
    await expect.poll(() => notice(first).innerText()).toContain('Copied 3 actors')
    const copied = await first.evaluate(() => navigator.clipboard.readText())
    const file = JSON.parse(copied)
    expect(file.troupe).toBe(1)
    expect(Object.keys(file.actors)).toHaveLength(3)
    await closeWhenSaved(first)

    const second = await newProjectPage()
    expect(second.url()).not.toBe(first.url())
    await second.evaluate((text) => navigator.clipboard.writeText(text), copied)
    await clickEmptyCanvas(second)
    await second.keyboard.press('ControlOrMeta+V')
    await expect.poll(() => nodes(second).count()).toBe(4)
    await expect.poll(() => notice(second).innerText()).toContain('Pasted 3 actors')
    await node(second, 'form').click()
    await expect.poll(() => listTexts(second, 'Children')).toEqual(['field', 'send'])
    const pastedId = await inspector(second).locator('.inspector-id code').innerText()
    expect(Object.keys(file.actors)).not.toContain(pastedId)
    // The form's dependency follows the pasted field, not the original.
    const dependency = await inspector(second)
      .getByRole('region', { name: 'Dependencies' })
      .locator('li')
      .innerText()
    expect(dependency).toContain('field')
    await node(second, 'root').click()
    await expect.poll(() => listTexts(second, 'Children')).toEqual(['form'])
    await closeWhenSaved(second)
  })

  test('auto-layout moves the nodes and the positions are saved', async () => {
    const page = await newProjectPage()
    for (const kind of ['Button', 'Text', 'Input']) {
      await palette(page).getByRole('button', { name: kind, exact: true }).click()
      await clickEmptyCanvas(page)
    }
    await expect.poll(() => nodes(page).count()).toBe(4)
    const positions = () =>
      nodes(page).evaluateAll((els) =>
        els
          .map((el) => `${el.getAttribute('data-id')} ${(el as HTMLElement).style.transform}`)
          .sort(),
      )
    const before = await positions()
    await canvas(page).getByRole('button', { name: 'Auto-layout' }).click()
    await expect.poll(() => notice(page).innerText()).toContain('Arranged the canvas')
    const after = await positions()
    expect(after).not.toEqual(before)
    // Children sit below their parent after the layout.
    const y = async (role: string) => (await node(page, role).boundingBox())!.y
    expect(await y('button')).toBeGreaterThan(await y('root'))
    await page.reload()
    await nodes(page).first().waitFor()
    await expect.poll(positions).toEqual(after)
    await closeWhenSaved(page)
  })

  test('the command palette finds and runs a command by keyboard alone', async () => {
    const page = await newProjectPage()
    await palette(page).getByRole('button', { name: 'Text' }).click()
    await expect.poll(() => nodes(page).count()).toBe(2)
    await node(page, 'text').click()

    await page.keyboard.press('ControlOrMeta+K')
    const dialog = page.getByRole('dialog', { name: 'Command palette' })
    await dialog.waitFor()
    const options = dialog.getByRole('listbox', { name: 'Commands' }).getByRole('option')
    expect(await options.count()).toBeGreaterThan(10)
    await page.keyboard.type('duplicate')
    await expect
      .poll(() => options.allInnerTexts())
      .toEqual([expect.stringContaining('Duplicate selected actors')])
    await page.keyboard.press('Enter')
    await expect.poll(() => dialog.count()).toBe(0)
    await expect.poll(() => nodes(page).count()).toBe(3)
    await expect.poll(() => notice(page).innerText()).toContain('Duplicated 1 actor')

    // Arrow keys pick among several matches; Escape closes without running anything.
    await page.keyboard.press('ControlOrMeta+K')
    await page.keyboard.type('add')
    await page.keyboard.press('ArrowDown')
    await expect(dialog.getByRole('option', { selected: true }).innerText()).resolves.toContain(
      'Add Text',
    )
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    await expect(nodes(page).count()).resolves.toBe(3)
    await closeWhenSaved(page)
  })

  test('the inspector edits context as JSON: invalid text stays a draft, valid text is saved', async () => {
    const page = await newProjectPage()
    await palette(page).getByRole('button', { name: 'Text' }).click()
    await node(page, 'text').click()
    const editor = inspector(page).locator('.monaco-editor').first()
    const problems = inspector(page).getByRole('status', { name: 'Context problems' })
    // Monaco loads with the first selection (after a reload too): give it time to arrive.
    const loaded = { timeout: 15_000 }
    await expect
      .poll(
        async () =>
          (await inspector(page).locator('.view-lines').innerText()).replace(/\u00a0/g, ' '),
        loaded,
      )
      .toContain('Hello from Troupe')

    const paste = async (text: string) => {
      await editor.click()
      await page.evaluate((value) => navigator.clipboard.writeText(value), text)
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.press('ControlOrMeta+V')
    }
    await paste('{ "visible": true, "text": ')
    await expect.poll(() => problems.innerText()).toContain('TRP-100')
    await paste('[1, 2]')
    await expect.poll(() => problems.innerText()).toContain('TRP-101')

    await paste(JSON.stringify({ visible: true, text: 'Edited in the inspector' }))
    await expect.poll(() => problems.innerText()).toContain('Valid context')
    await page.reload()
    await node(page, 'text').click()
    await expect
      .poll(
        async () =>
          (await inspector(page).locator('.view-lines').innerText()).replace(/\u00a0/g, ' '),
        loaded,
      )
      .toContain('Edited in the inspector')
    await closeWhenSaved(page)
  })
})
