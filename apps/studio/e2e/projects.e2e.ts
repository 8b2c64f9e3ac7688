import { readFileSync } from 'node:fs'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import {
  chooseImportFile,
  openStudio as openStudioIn,
  preview,
  savedToServer,
  studioContext,
  studioForFile,
} from './observe-page'

/**
 * Projects as a person uses them, in real Chromium against the real server: the list is the
 * same in two browsers (it is the server's workspace document), new projects from templates,
 * rename, duplicate, delete with confirmation, Export and Import of project files, the
 * project skills editor, and Troupe's markers and hover docs in the editors.
 */
const studio = studioForFile()

/** Waits for a condition as long as a sync round over the real server may take. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 })

const newContext = () => studioContext(studio.browser, studio.server)
const openStudio = (context: BrowserContext, url = studio.server.url) => openStudioIn(context, url)

const node = (page: Page, role: string) =>
  page
    .getByRole('region', { name: 'Canvas' })
    .getByRole('group', { name: `Actor ${role}`, exact: true })
const projectName = (page: Page) => page.locator('.studio-project-name').innerText()
const projectsDialog = (page: Page) => page.getByRole('dialog', { name: 'Projects' })
const listed = (page: Page) => projectsDialog(page).getByRole('region', { name: 'Your projects' })
const row = (page: Page, name: string) => listed(page).getByRole('listitem', { name, exact: true })

async function listedNames(page: Page): Promise<string[]> {
  return listed(page)
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''))
}

async function openProjects(page: Page) {
  if (await projectsDialog(page).isVisible()) return
  await page.getByRole('button', { name: 'Projects', exact: true }).click()
  await projectsDialog(page).waitFor()
}

/** Creates a project from a template with the keyboard: radio by Space, name, Enter. */
async function createFromTemplate(page: Page, template: string, name: string) {
  await openProjects(page)
  const before = page.url()
  await projectsDialog(page).getByRole('radio', { name: template }).focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('Tab')
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
  await poll(() => page.url()).not.toBe(before)
  await poll(() => projectName(page)).toBe(name)
}

/** Replaces an editor's text the way people do it: select all, paste from the clipboard. */
async function pasteInto(page: Page, editor: Locator, text: string) {
  await editor.locator('.view-lines').click()
  await page.evaluate((value) => navigator.clipboard.writeText(value), text)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
}

/** Walks the editor's problems by keyboard (F8, "next problem") and returns what each said. */
async function problemsByF8(page: Page, editor: Locator, count = 6): Promise<string> {
  // Markers arrive after the pause in typing; F8 before them would find nothing.
  await editor.locator('.squiggly-error, .squiggly-warning').first().waitFor()
  await editor.locator('.view-lines').click()
  const seen: string[] = []
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('F8')
    const widget = editor.locator('.marker-widget')
    await widget.waitFor()
    seen.push(await widget.innerText())
  }
  await page.keyboard.press('Escape')
  return seen.join('\n')
}

describe('projects', () => {
  test('the list is the same in two browsers: new from a template, rename, duplicate, delete', async () => {
    const alice = await newContext()
    const bob = await newContext()
    const a = await openStudio(alice)
    await createFromTemplate(a, 'Counter with a project skill', 'Team counter')
    await node(a, 'counter').waitFor()
    await savedToServer(a)

    // Bob's browser has its own storage; it finds the same list on the server.
    const b = await openStudio(bob)
    await openProjects(b)
    await poll(() => listedNames(b)).toEqual(expect.arrayContaining(['Team counter']))
    await openProjects(a)
    await poll(async () => (await listedNames(a)).length).toBe(3)

    // Bob renames it by keyboard; Alice, who has it open, sees the new name.
    await row(b, 'Team counter').getByRole('button', { name: 'Rename' }).click()
    const field = listed(b).getByRole('textbox', { name: 'Project name' })
    await poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true)
    await page_type(b, 'Shared counter')
    await b.keyboard.press('Enter')
    await poll(() => projectName(a)).toBe('Shared counter')
    await poll(() => listedNames(a)).toContain('Shared counter')

    // Alice duplicates it; the copy shows in both lists, with the same definition.
    await row(a, 'Shared counter').getByRole('button', { name: 'Duplicate' }).click()
    await poll(() => listedNames(b)).toContain('Shared counter (copy)')
    await row(b, 'Shared counter (copy)').getByRole('button', { name: 'Open' }).click()
    await poll(() => projectName(b)).toBe('Shared counter (copy)')
    await node(b, 'counter').waitFor()
    const copyUrl = b.url()
    expect(copyUrl).not.toBe(a.url())

    // Deleting asks first; Cancel (focused, so Enter is safe) keeps it.
    await openProjects(a)
    await row(a, 'Shared counter (copy)').getByRole('button', { name: 'Delete' }).click()
    await a.keyboard.press('Enter')
    await poll(() => listedNames(a)).toContain('Shared counter (copy)')
    await row(a, 'Shared counter (copy)').getByRole('button', { name: 'Delete' }).click()
    await row(a, 'Shared counter (copy)').getByRole('button', { name: 'Yes, delete' }).click()
    await poll(() => listedNames(a)).not.toContain('Shared counter (copy)')
    // Bob had the copy open: it leaves his list too, and its address now says it was deleted.
    await openProjects(b)
    await poll(() => listedNames(b)).not.toContain('Shared counter (copy)')
    await savedToServer(a)
    const later = await bob.newPage()
    await later.goto(copyUrl)
    await poll(() => later.getByRole('alert').innerText()).toContain('TRP-152')
    await alice.close()
    await bob.close()
  })

  test('Export downloads the project file; Import refuses a bad file with every problem and opens a good one', async () => {
    const context = await newContext()
    const page = await openStudio(context)
    await createFromTemplate(page, 'Chat', 'Chat room')
    await node(page, 'composer').waitFor()

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('chat-room.troupe.json')
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'))
    expect(exported).toMatchObject({ troupe: 1, name: 'Chat room', root: 'app' })
    expect(Object.keys(exported.actors).sort()).toEqual(['app', 'composer', 'messages'])
    expect(exported.skills.SEND.steps[0].skill).toBe('@entity/createEntity')
    expect(exported.actors.app.position).toBeUndefined()
    await savedToServer(page)

    await openProjects(page)
    const before = await listedNames(page)
    await page.keyboard.press('Escape')
    const here = page.url()
    const bad = structuredClone(exported)
    bad.actors.composer.view.children[2].leaf.tag = 'script'
    bad.actors.app.children.push('ghost')
    bad.actors.messages.view.container.attributes.onclick = 'steal()'
    await chooseImportFile(page, 'bad.json', bad)
    const refused = page.getByRole('dialog', { name: 'Import refused' })
    const problems = await refused.getByRole('list', { name: 'Problems' }).innerText()
    expect(problems).toContain('TRP-110 actor "app" at children[2]')
    expect(problems).toContain('TRP-121 actor "messages" at view.container.attributes.onclick')
    expect(problems).toContain('TRP-120 actor "composer" at view.children[2].leaf.tag')
    await refused.getByRole('button', { name: 'Close' }).click()
    expect(page.url()).toBe(here)

    await chooseImportFile(page, 'broken.json', '{ "troupe": 1, ')
    await poll(() => refused.innerText()).toContain('TRP-100')
    await page.keyboard.press('Escape')
    await openProjects(page)
    expect(await listedNames(page)).toEqual(before)
    await page.keyboard.press('Escape')

    await chooseImportFile(page, 'chat-room.troupe.json', { ...exported, name: 'Imported chat' })
    await poll(() => projectName(page)).toBe('Imported chat')
    expect(page.url()).not.toBe(here)
    await node(page, 'messageList').waitFor()
    await openProjects(page)
    await poll(() => listedNames(page)).toEqual([...before, 'Imported chat'])
    // The imported app runs: its project skill sends a message.
    await page.keyboard.press('Escape')
    await preview(page).getByRole('textbox', { name: 'Message' }).fill('Hello after importing')
    await preview(page).getByRole('button', { name: 'Send' }).click()
    await poll(() => preview(page).getByRole('list', { name: 'Messages' }).innerText()).toContain(
      'Hello after importing',
    )
    await savedToServer(page)
    await context.close()
  })
})

async function page_type(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
}

describe('editors', () => {
  test('the skills editor: invalid skills stay a draft with markers; a valid edit runs in the preview', async () => {
    const context = await newContext()
    const page = await openStudio(context)
    await createFromTemplate(page, 'Counter with a project skill', 'Skilled counter')
    await page.getByRole('button', { name: 'Skills' }).click()
    const dialog = page.getByRole('dialog', { name: 'Project skills' })
    const editor = dialog.locator('.monaco-editor').first()
    await poll(async () =>
      (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' '),
    ).toContain('"DECREMENT"')
    const problems = dialog.getByRole('status', { name: 'Skills problems' })

    await pasteInto(
      page,
      editor,
      JSON.stringify(
        {
          INCREMENT: { steps: [{ skill: '@nope/bump' }] },
          RESET: { steps: [{ skill: '@input/updateContext', payload: { count: "x === 'y'" } }] },
        },
        null,
        2,
      ),
    )
    await poll(() => problems.innerText()).toContain('TRP-142')
    expect(await problems.innerText()).toContain(
      'TRP-123 project at skills.RESET.steps[0].payload.count',
    )
    const marked = await problemsByF8(page, editor, 2)
    expect(marked).toContain('TRP-142')
    expect(marked).toContain('TRP-123')

    // The document still has the template's skills: + adds 1.
    const plus = preview(page).getByRole('button', { name: 'Increment' })
    await plus.click()
    await poll(() => preview(page).locator('[aria-live]').innerText()).toBe('1')

    const byFive = {
      INCREMENT: {
        steps: [
          {
            skill: '@input/updateContext',
            payload: { count: { $add: [{ $: 'context.count' }, 5] } },
          },
        ],
      },
      DECREMENT: { steps: [{ skill: '@input/updateContext', payload: { count: 0 } }] },
      RESET: { steps: [{ skill: '@input/updateContext', payload: { count: 0 } }] },
    }
    await pasteInto(page, editor, JSON.stringify(byFive, null, 2))
    await poll(() => problems.innerText()).toContain('Valid skills')
    await plus.click()
    await poll(() => preview(page).locator('[aria-live]').innerText()).toBe('6')
    await savedToServer(page)
    await page.reload()
    await page.getByRole('button', { name: 'Skills' }).click()
    await poll(async () =>
      (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' '),
    ).toContain('5')
    await context.close()
  })

  test('view and context editors mark unsafe content and missing actors, and show the schema docs on hover', async () => {
    const context = await newContext()
    const page = await openStudio(context)
    await node(page, 'root').click()
    const view = page.getByRole('region', { name: 'View JSON' }).locator('.monaco-editor').first()
    await poll(() => view.locator('.view-lines').innerText()).toContain('container')
    await pasteInto(
      page,
      view,
      JSON.stringify(
        {
          container: { layout: 'flex' },
          children: [
            { slot: 'link', leaf: { tag: 'a', attributes: { href: 'javascript:alert(1)' } } },
            { slot: 'ghost', actor: 'ghost' },
          ],
        },
        null,
        2,
      ),
    )
    const viewProblems = page.getByRole('status', { name: 'View JSON problems' })
    await poll(() => viewProblems.innerText()).toContain('TRP-122')
    const viewMarks = await problemsByF8(page, view, 2)
    expect(viewMarks).toContain('TRP-122')
    expect(viewMarks).toContain('TRP-110 places missing actor "ghost"')

    const inspector = page.getByRole('region', { name: 'Inspector' })
    const contextEditor = inspector.locator('.monaco-editor').first()
    await pasteInto(
      page,
      contextEditor,
      JSON.stringify({ visible: true, viewActors: { list: 'ghost' } }, null, 2),
    )
    // A missing actor in viewActors is a warning: the context is still saved.
    await poll(() =>
      inspector.getByRole('status', { name: 'Context problems' }).innerText(),
    ).toContain('Valid context')
    // The inspector's editor is short: its problem shows on hovering the squiggle.
    await contextEditor.locator('.squiggly-warning').first().waitFor({ state: 'attached' })
    await contextEditor.locator('.view-lines').getByText('"ghost"').hover()
    await poll(() => page.locator('.monaco-hover').first().innerText()).toContain(
      'TRP-110 view "list" shows "ghost"',
    )
    await page.mouse.move(0, 0)

    // Hover docs come from the schema's descriptions.
    await contextEditor.locator('.view-lines').getByText('"visible"').hover()
    await poll(() => page.locator('.monaco-hover').first().innerText()).toContain(
      'The actor renders unless this is false',
    )
    await savedToServer(page)
    await context.close()
  })
})
