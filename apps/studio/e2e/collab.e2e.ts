import type { ProjectDoc } from '@troupe/documents'
import { createNodeRepo, type Repo } from '@troupe/documents/node'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, describe, expect, test } from 'vitest'
import {
  clickEmptyCanvas,
  preview,
  replaceViewText,
  savedToServer,
  studioContext,
  studioForFile,
  openWindow as studioWindow,
} from './observe-page'

/**
 * Working together, as people do it in real Chromium against the real server: undo and redo
 * of my own changes (buttons and keys), one document change per drag, presence (who is here,
 * their cursor and selection) and editing offline in one of two windows, then reconnecting.
 */
const studio = studioForFile()

/** A window on the studio; `url` opens that project, `/` a new one. */
const openWindow = (url?: string) => studioWindow(studio.browser, studio.server, { url })

const canvas = (page: Page) => page.getByRole('region', { name: 'Canvas' })
const nodes = (page: Page) => canvas(page).locator('.react-flow__node')
const node = (page: Page, role: string) =>
  canvas(page).getByRole('group', { name: `Actor ${role}`, exact: true })
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' })
const palette = (page: Page) => page.getByRole('region', { name: 'Palette' })
const button = (page: Page, name: 'Undo' | 'Redo') =>
  page.getByRole('banner').getByRole('button', { name, exact: true })
const syncStatus = (page: Page) => page.getByRole('status', { name: 'Sync status' }).innerText()
const people = (page: Page) =>
  page.getByRole('list', { name: 'People on this project' }).getByRole('listitem').allInnerTexts()

async function myName(page: Page): Promise<string> {
  const mine = (await people(page)).find((text) => text.endsWith(' (you)'))
  return mine!.replace(/ \(you\)$/, '')
}

async function box(page: Page, role: string) {
  return (await node(page, role).boundingBox())!
}

/** Drags an actor by its middle with the mouse, in many small moves, as a person does. */
async function drag(page: Page, role: string, dx: number, dy: number, release = true) {
  const b = await box(page, role)
  // On the role text: away from the handles in the middle of each side.
  const at = { x: b.x + b.width * 0.3, y: b.y + b.height * 0.3 }
  await page.mouse.move(at.x, at.y)
  await page.mouse.down()
  await page.mouse.move(at.x + dx, at.y + dy, { steps: 20 })
  if (release) await page.mouse.up()
}

async function rename(page: Page, from: string, to: string) {
  await node(page, from).click()
  const field = inspector(page).getByRole('textbox', { name: 'Role' })
  await field.fill(to)
  await field.press('Enter')
  await node(page, to).waitFor()
}

/** The card's preview shows Alice's title and Bob's button style. */
async function bothEditsShown(page: Page) {
  await preview(page).getByRole('heading', { name: 'Alice title' }).waitFor()
  const go = preview(page).getByRole('button', { name: 'Go' })
  await expect.poll(() => go.evaluate((el) => el.className)).toContain('btn-primary')
}

const near = (a: number, b: number) => Math.abs(a - b) < 3

describe('undo and redo of my own changes', () => {
  test('buttons and keys undo and redo adding, moving, renaming and a view edit; a new edit clears redo', async () => {
    const page = await openWindow()
    await expect(button(page, 'Undo').isDisabled()).resolves.toBe(true)
    await expect(button(page, 'Redo').isDisabled()).resolves.toBe(true)

    await palette(page).getByRole('button', { name: 'Button' }).click()
    await expect.poll(() => nodes(page).count()).toBe(2)
    await expect(button(page, 'Undo').isEnabled()).resolves.toBe(true)

    const start = await box(page, 'button')
    await drag(page, 'button', 160, 90)
    const moved = await box(page, 'button')
    // (React Flow starts the drag on the first move, so the node trails the pointer by one step.)
    expect(moved.x - start.x).toBeGreaterThan(120)

    // Keyboard, with focus on the canvas (the dragged node): one Ctrl+Z undoes the whole drag.
    await page.keyboard.press('ControlOrMeta+Z')
    await expect.poll(async () => near((await box(page, 'button')).x, start.x)).toBe(true)
    await page.keyboard.press('ControlOrMeta+Shift+Z')
    await expect.poll(async () => near((await box(page, 'button')).x, moved.x)).toBe(true)

    // Buttons: undo the move, then the add; nothing is left to undo.
    await button(page, 'Undo').click()
    await expect.poll(async () => near((await box(page, 'button')).x, start.x)).toBe(true)
    await button(page, 'Undo').click()
    await expect.poll(() => nodes(page).count()).toBe(1)
    await expect(button(page, 'Undo').isDisabled()).resolves.toBe(true)
    await expect(preview(page).getByRole('button', { name: 'Click me' }).count()).resolves.toBe(0)

    // Ctrl+Y redoes, twice: the actor comes back, then its move.
    await clickEmptyCanvas(page)
    await page.keyboard.press('ControlOrMeta+Y')
    await expect.poll(() => nodes(page).count()).toBe(2)
    await page.keyboard.press('ControlOrMeta+Y')
    await expect.poll(async () => near((await box(page, 'button')).x, moved.x)).toBe(true)
    await expect(button(page, 'Redo').isDisabled()).resolves.toBe(true)

    // An inspector edit.
    await rename(page, 'button', 'submit')
    await button(page, 'Undo').click()
    await node(page, 'button').waitFor()

    // A view edit in Monaco, undone with the button; the preview follows.
    await node(page, 'button').click()
    await replaceViewText(
      page,
      JSON.stringify({ tag: 'button', classes: 'btn', elements: ['Send now'] }, null, 2),
    )
    await preview(page).getByRole('button', { name: 'Send now' }).waitFor()
    await button(page, 'Undo').click()
    await preview(page).getByRole('button', { name: 'Click me' }).waitFor()
    await expect(button(page, 'Redo').isEnabled()).resolves.toBe(true)

    // A new edit clears redo.
    await rename(page, 'button', 'fresh')
    await expect(button(page, 'Redo').isDisabled()).resolves.toBe(true)

    // Inside Monaco, Ctrl+Z is Monaco's own text undo of the draft; the studio's undo (which
    // would take back the "Later" edit) does not run.
    await node(page, 'fresh').click()
    await replaceViewText(
      page,
      JSON.stringify({ tag: 'button', classes: 'btn', elements: ['Later'] }, null, 2),
    )
    await preview(page).getByRole('button', { name: 'Later' }).waitFor()
    await replaceViewText(page, '{')
    const problems = page.getByRole('status', { name: 'View JSON problems' })
    await expect.poll(() => problems.innerText()).toContain('TRP-100')
    await page.keyboard.press('ControlOrMeta+Z')
    await expect.poll(() => problems.innerText()).toContain('Valid view')
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'View JSON' }).locator('.view-lines').innerText(),
      )
      .toContain('Later')
    await expect(preview(page).getByRole('button', { name: 'Later' }).count()).resolves.toBe(1)
    await savedToServer(page)
    await page.context().close()
  })

  test("undo in one window reverts only that person's change; the other's edit stays on both", async () => {
    const alice = await openWindow()
    await palette(alice).getByRole('button', { name: 'Text' }).click()
    await clickEmptyCanvas(alice)
    await palette(alice).getByRole('button', { name: 'Button' }).click()
    await expect.poll(() => nodes(alice).count()).toBe(3)
    await savedToServer(alice)
    const bob = await openWindow(alice.url())
    await expect.poll(() => nodes(bob).count()).toBe(3)

    await rename(alice, 'text', 'headline')
    await node(bob, 'headline').waitFor()
    await rename(bob, 'button', 'submit')
    await node(alice, 'submit').waitFor()

    await button(alice, 'Undo').click()
    for (const page of [alice, bob]) {
      await node(page, 'text').waitFor()
      await expect(node(page, 'submit').count()).resolves.toBe(1)
    }
    // Bob's rename is Bob's to undo.
    await button(bob, 'Undo').click()
    await node(alice, 'button').waitFor()
    await savedToServer(alice)
    await savedToServer(bob)
    await alice.context().close()
    await bob.context().close()
  })
})

describe('drag sessions', () => {
  let peer: Repo
  afterAll(async () => {
    await peer?.shutdown()
  })

  test('a drag writes nothing while it runs and one change when it ends', async () => {
    const page = await openWindow()
    await palette(page).getByRole('button', { name: 'Container' }).click()
    await expect.poll(() => nodes(page).count()).toBe(2)
    await savedToServer(page)

    // A second peer, a program on the same server, counts the document's changes.
    const token = new URL(studio.server.loginUrl).searchParams.get('token')!
    peer = createNodeRepo({ syncUrl: `ws://localhost:${studio.server.port}/sync?token=${token}` })
    const documentId = new URL(page.url()).pathname.split('/').pop()!
    const handle = await peer.find<ProjectDoc>(`automerge:${documentId}` as never)
    const changes = () => handle.history()?.length ?? 0
    const before = changes()
    const [id] = Object.entries(handle.doc().actors).find(([, a]) => a.role === 'container')!
    const position = { ...handle.doc().actors[id]!.position }

    await drag(page, 'container', 200, 120, false)
    await page.mouse.move((await box(page, 'container')).x + 40, 400, { steps: 15 })
    // Mid-drag, with the node visibly moved, the document (here and on the server) is as it was.
    await savedToServer(page)
    expect(changes()).toBe(before)
    expect(handle.doc().actors[id]!.position).toEqual(position)

    await page.mouse.up()
    await expect.poll(() => changes()).toBe(before + 1)
    await savedToServer(page)
    expect(changes()).toBe(before + 1)
    expect(handle.doc().actors[id]!.position).not.toEqual(position)
    await page.context().close()
  })
})

describe('presence', () => {
  test('each window lists the other person; their cursor and selection show on the canvas; a closed window drops out', async () => {
    const alice = await openWindow()
    await palette(alice).getByRole('button', { name: 'Text' }).click()
    await expect.poll(() => nodes(alice).count()).toBe(2)
    await savedToServer(alice)
    const bob = await openWindow(alice.url())
    const [aliceName, bobName] = [await myName(alice), await myName(bob)]

    await expect.poll(() => people(alice), { timeout: 15_000 }).toContain(bobName)
    await expect.poll(() => people(bob), { timeout: 15_000 }).toContain(aliceName)

    // Bob points at the canvas and selects the text actor.
    const b = (await canvas(bob).boundingBox())!
    await bob.mouse.move(b.x + 300, b.y + 300, { steps: 5 })
    await canvas(alice)
      .getByRole('img', { name: `Cursor of ${bobName}` })
      .waitFor()
    await node(bob, 'text').click()
    await canvas(alice)
      .getByRole('img', { name: `${bobName} selected text` })
      .waitFor()

    // Nothing of it is in the document: Alice's window stays "Saved" with no change to send.
    await savedToServer(alice)

    await bob.context().close()
    await expect.poll(() => people(alice), { timeout: 15_000 }).not.toContain(bobName)
    await expect(
      canvas(alice)
        .getByRole('img', { name: `Cursor of ${bobName}` })
        .count(),
    ).resolves.toBe(0)
    await alice.context().close()
  })
})

/**
 * Takes a window off the network for real: every websocket of its context runs through a
 * route to the server; going offline closes both ends of each (the page sees its socket drop,
 * the server its connection), and new connections are refused until it is back online, when
 * the client's own retry reconnects. (Playwright's context.setOffline, tried first, left the
 * routed sockets unable to carry the server's messages after coming back online, so it is
 * not used.)
 */
async function networkSwitch(context: BrowserContext) {
  let offline = false
  const open = new Set<{ close(): Promise<void> }>()
  await context.routeWebSocket(/\/sync/, (ws) => {
    if (offline) return void ws.close()
    const toServer = ws.connectToServer()
    const both = {
      close: async () => {
        await ws.close()
        await toServer.close()
      },
    }
    open.add(both)
    ws.onClose(() => open.delete(both))
  })
  return {
    async goOffline() {
      offline = true
      await Promise.all([...open].map((ws) => ws.close()))
    },
    async goOnline() {
      offline = false
    },
  }
}

describe('one view in Monaco, two people at once', () => {
  test('a draft begun before the other edit arrived keeps their part when it is committed', async () => {
    const view = {
      container: { layout: 'flex', class: 'flex flex-col gap-2' },
      children: [
        { slot: 'title', leaf: { tag: 'h2', classes: 'text-lg', elements: ['Card'] } },
        { slot: 'action', leaf: { tag: 'button', classes: 'btn', elements: ['Go'] } },
      ],
    }
    const alice = await openWindow()
    await palette(alice).getByRole('button', { name: 'Container' }).click()
    await node(alice, 'container').click()
    await replaceViewText(alice, JSON.stringify(view, null, 2))
    await preview(alice).getByRole('button', { name: 'Go' }).waitFor()
    await savedToServer(alice)
    const bob = await openWindow(alice.url())
    await node(bob, 'container').click()
    await preview(bob).getByRole('button', { name: 'Go' }).waitFor()

    // Bob starts editing (his text is not valid yet, so it stays his draft) ...
    await replaceViewText(bob, '{')
    const bobsProblems = bob.getByRole('status', { name: 'View JSON problems' })
    await expect.poll(() => bobsProblems.innerText()).toContain('TRP-100')
    // ... Alice retitles the card meanwhile, and Bob's window has it ...
    const retitled = structuredClone(view)
    retitled.children[0]!.leaf.elements = ['Alice title']
    await replaceViewText(alice, JSON.stringify(retitled, null, 2))
    await preview(bob).getByRole('heading', { name: 'Alice title' }).waitFor()
    // ... and Bob finishes his edit of the button, written from the card as he first saw it.
    const restyled = structuredClone(view)
    restyled.children[1]!.leaf.classes = 'btn btn-primary'
    await replaceViewText(bob, JSON.stringify(restyled, null, 2))
    await expect.poll(() => bobsProblems.innerText()).toContain('Valid view')

    for (const page of [alice, bob]) {
      await bothEditsShown(page)
    }
    await savedToServer(alice)
    await savedToServer(bob)
    await alice.context().close()
    await bob.context().close()
  })
})

describe('offline', () => {
  const card = {
    container: { layout: 'flex', class: 'flex flex-col gap-2' },
    children: [
      { slot: 'title', leaf: { tag: 'h2', classes: 'text-lg', elements: ['Card'] } },
      { slot: 'action', leaf: { tag: 'button', classes: 'btn', elements: ['Go'] } },
    ],
  }
  const withLeaf = (index: number, change: Record<string, unknown>) => {
    const copy = structuredClone(card)
    copy.children[index]!.leaf = { ...copy.children[index]!.leaf, ...change }
    return copy
  }

  test('edits made offline in one window merge with the other on reconnect, nothing lost', async () => {
    const alice = await openWindow()
    await palette(alice).getByRole('button', { name: 'Text' }).click()
    await clickEmptyCanvas(alice)
    await palette(alice).getByRole('button', { name: 'Container' }).click()
    await expect.poll(() => nodes(alice).count()).toBe(3)
    await node(alice, 'container').click()
    await replaceViewText(alice, JSON.stringify(card, null, 2))
    await preview(alice).getByRole('button', { name: 'Go' }).waitFor()
    await savedToServer(alice)

    const bobContext = await studioContext(studio.browser, studio.server)
    const network = await networkSwitch(bobContext)
    const bob = await bobContext.newPage()
    await bob.goto(alice.url())
    // Its documents come through the routed socket: give the first load the usual wait.
    await nodes(bob).first().waitFor()
    await expect.poll(() => nodes(bob).count(), { timeout: 15_000 }).toBe(3)
    await savedToServer(bob)

    await network.goOffline()
    await expect.poll(() => syncStatus(bob), { timeout: 15_000 }).toContain('Offline')

    // Both edit while apart: different actors, and different parts of one view in Monaco.
    await rename(alice, 'text', 'headline')
    await node(alice, 'container').click()
    await replaceViewText(
      alice,
      JSON.stringify(withLeaf(0, { elements: ['Alice title'] }), null, 2),
    )
    await preview(alice).getByRole('heading', { name: 'Alice title' }).waitFor()
    await savedToServer(alice)

    await rename(bob, 'container', 'card')
    await node(bob, 'card').click()
    await replaceViewText(bob, JSON.stringify(withLeaf(1, { classes: 'btn btn-primary' }), null, 2))
    await expect
      .poll(() => bob.getByRole('status', { name: 'View JSON problems' }).innerText())
      .toContain('Valid view')
    expect(await syncStatus(bob)).toContain('Offline')
    await expect(node(bob, 'text').count()).resolves.toBe(1)

    await network.goOnline()
    await savedToServer(bob)
    await savedToServer(alice)
    for (const page of [alice, bob]) {
      await node(page, 'headline').waitFor()
      await node(page, 'card').waitFor()
      await bothEditsShown(page)
    }
    await alice.context().close()
    await bobContext.close()
  })
})
