import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { addFromPalette, closeWhenSaved, openWindow, studioForFile } from './observe-page'

/**
 * What the canvas's speed work must keep: the minimap (CanvasMinimap.tsx) shows every actor,
 * marks the selected ones, follows the viewport and pans the canvas when dragged; the handles,
 * placed by a grid rather than absolute positioning (canvasSpeed.css), sit on their sides.
 */
const studio = studioForFile()

const canvas = (page: Page) => page.getByRole('region', { name: 'Canvas' })
const minimap = (page: Page) => canvas(page).getByRole('img', { name: 'Minimap' })
const nodeCount = (page: Page) => canvas(page).locator('.react-flow__node').count()
/** How many rectangles a minimap path draws (one `M` per rectangle). */
const rectangles = (page: Page, selector: string) =>
  minimap(page)
    .locator(selector)
    .evaluate((path) => (path.getAttribute('d')?.match(/M/g) ?? []).length)
const attribute = (page: Page, selector: string, name: string) =>
  minimap(page)
    .locator(selector)
    .evaluate((element, n) => element.getAttribute(n), name)
const viewportTransform = (page: Page) =>
  canvas(page)
    .locator('.react-flow__viewport')
    .evaluate((element) => (element as HTMLElement).style.transform)

describe('canvas minimap and handles', () => {
  test('the minimap draws every actor, marks the selected one and follows and moves the view', async () => {
    const page = await openWindow(studio.browser, studio.server)
    await addFromPalette(page, 'Container')
    await addFromPalette(page, 'Text')
    await expect.poll(() => nodeCount(page)).toBe(3)
    const nodesPath = '.canvas-minimap-nodes:not(.is-selected)'
    const selectedPath = '.canvas-minimap-nodes.is-selected'
    // The palette selects what it adds: one rectangle marked, the other two plain.
    await expect.poll(() => rectangles(page, selectedPath)).toBe(1)
    await expect.poll(() => rectangles(page, nodesPath)).toBe(2)

    // A small pan of the canvas moves the viewport's mask and nothing else of the minimap.
    const pane = (await canvas(page).locator('.react-flow__pane').boundingBox())!
    const nodesBefore = await attribute(page, nodesPath, 'd')
    const viewBoxBefore = await minimap(page).getAttribute('viewBox')
    const maskBefore = await attribute(page, '.react-flow__minimap-mask', 'd')
    await page.mouse.move(pane.x + 12, pane.y + 12)
    await page.mouse.down()
    await page.mouse.move(pane.x + 40, pane.y + 30, { steps: 6 })
    await page.mouse.up()
    await expect.poll(() => attribute(page, '.react-flow__minimap-mask', 'd')).not.toBe(maskBefore)
    expect(await attribute(page, nodesPath, 'd')).toBe(nodesBefore)
    expect(await minimap(page).getAttribute('viewBox')).toBe(viewBoxBefore)

    // Dragging on the minimap pans the canvas.
    const map = (await minimap(page).boundingBox())!
    const transform = await viewportTransform(page)
    await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2)
    await page.mouse.down()
    await page.mouse.move(map.x + map.width / 2 + 30, map.y + map.height / 2 + 10, { steps: 6 })
    await page.mouse.up()
    await expect.poll(() => viewportTransform(page)).not.toBe(transform)
    await closeWhenSaved(page)
  })

  test('each handle is centred on its side of the node', async () => {
    const page = await openWindow(studio.browser, studio.server)
    const node = canvas(page).getByRole('group', { name: 'Actor root', exact: true })
    await expect.poll(() => nodeCount(page)).toBe(1)
    const box = (await node.boundingBox())!
    const centre = async (label: string) => {
      const handle = (await canvas(page).getByLabel(label, { exact: true }).boundingBox())!
      return { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }
    }
    // Within 2 px of the middle of each side (the border's width and rounding).
    const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(2)
    const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    const top = await centre('Parent link of root')
    near(top.x, middle.x)
    near(top.y, box.y)
    const bottom = await centre('Children of root')
    near(bottom.x, middle.x)
    near(bottom.y, box.y + box.height)
    const left = await centre('Messages into root')
    near(left.x, box.x)
    near(left.y, middle.y)
    const right = await centre('Messages out of root')
    near(right.x, box.x + box.width)
    near(right.y, middle.y)
    await closeWhenSaved(page)
  })
})
