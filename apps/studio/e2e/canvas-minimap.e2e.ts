import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import {
  addFromPalette,
  chooseImportFile,
  closeWhenSaved,
  openWindow,
  savedToServer,
  studioForFile,
} from './observe-page'

/**
 * What the canvas's speed work must keep: the minimap (CanvasMinimap.tsx) shows every actor,
 * marks the selected ones, follows the viewport and pans the canvas when dragged; the handles,
 * placed by a grid rather than absolute positioning (canvasSpeed.css), sit on their sides;
 * zoomed far out nodes are plain boxes and edges plain lines of one layer that follows a
 * drag, and zoomed back in every part of them is there again.
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
/** The canvas's zoom, from its viewport's transform. */
const viewportScale = (page: Page) =>
  canvas(page)
    .locator('.react-flow__viewport')
    .evaluate((element) => Number(/scale\(([\d.]+)\)/.exec(element.style.transform)?.[1]))
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
    const nodesPath = '.canvas-minimap-nodes:not(.is-selected):not(.is-moving)'
    const selectedPath = '.canvas-minimap-nodes.is-selected:not(.is-moving)'
    const movingPath = '.canvas-minimap-nodes.is-selected.is-moving'
    // The palette selects what it adds: one rectangle marked, the other two plain.
    await expect.poll(() => rectangles(page, selectedPath)).toBe(1)
    await expect.poll(() => rectangles(page, nodesPath)).toBe(2)

    // A small pan of the canvas moves the view's window and nothing else of the minimap.
    const pane = (await canvas(page).locator('.react-flow__pane').boundingBox())!
    const nodesBefore = await attribute(page, nodesPath, 'd')
    const viewBoxBefore = await minimap(page).getAttribute('viewBox')
    const viewWindow = () => canvas(page).locator('.canvas-minimap-window').getAttribute('style')
    const windowBefore = await viewWindow()
    await page.mouse.move(pane.x + 12, pane.y + 12)
    await page.mouse.down()
    await page.mouse.move(pane.x + 40, pane.y + 30, { steps: 6 })
    await page.mouse.up()
    await expect.poll(viewWindow).not.toBe(windowBefore)
    // The window lies on the minimap (the three nodes are in view, so it covers them).
    const map = (await minimap(page).boundingBox())!
    const seen = (await canvas(page).locator('.canvas-minimap-window').boundingBox())!
    expect(seen.x).toBeGreaterThanOrEqual(map.x - 1)
    expect(seen.y).toBeGreaterThanOrEqual(map.y - 1)
    expect(seen.x + seen.width).toBeLessThanOrEqual(map.x + map.width + 1)
    expect(seen.y + seen.height).toBeLessThanOrEqual(map.y + map.height + 1)
    expect(await attribute(page, nodesPath, 'd')).toBe(nodesBefore)
    expect(await minimap(page).getAttribute('viewBox')).toBe(viewBoxBefore)

    // Dragging on the minimap pans the canvas.
    const transform = await viewportTransform(page)
    await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2)
    await page.mouse.down()
    await page.mouse.move(map.x + map.width / 2 + 30, map.y + map.height / 2 + 10, { steps: 6 })
    await page.mouse.up()
    await expect.poll(() => viewportTransform(page)).not.toBe(transform)

    // While a node is dragged its rectangle has a path of its own, which follows it; the
    // other rectangles' path is left as it was. Released, it is one of them again.
    const root = canvas(page).getByRole('group', { name: 'Actor root', exact: true })
    const rootBox = (await root.boundingBox())!
    await page.mouse.move(rootBox.x + rootBox.width / 2, rootBox.y + rootBox.height / 2)
    await page.mouse.down()
    await page.mouse.move(rootBox.x + rootBox.width / 2 + 20, rootBox.y + rootBox.height / 2 + 5, {
      steps: 4,
    })
    await expect.poll(() => rectangles(page, movingPath)).toBe(1)
    expect(await rectangles(page, nodesPath)).toBe(2)
    expect(await rectangles(page, selectedPath)).toBe(0)
    const movingAt = await attribute(page, movingPath, 'd')
    const stillBefore = await attribute(page, nodesPath, 'd')
    await page.mouse.move(rootBox.x + rootBox.width / 2 + 60, rootBox.y + rootBox.height / 2 + 5, {
      steps: 4,
    })
    await expect.poll(() => attribute(page, movingPath, 'd')).not.toBe(movingAt)
    expect(await attribute(page, nodesPath, 'd')).toBe(stillBefore)
    await page.mouse.up()
    await expect.poll(() => rectangles(page, selectedPath)).toBe(1)
    expect(await rectangles(page, movingPath)).toBe(0)
    expect(await rectangles(page, nodesPath)).toBe(2)
    await closeWhenSaved(page)
  })

  test('zoomed far out, dragged nodes follow the pointer and stay where dropped, also after a reload', async () => {
    const page = await openWindow(studio.browser, studio.server)
    await addFromPalette(page, 'Text')
    await addFromPalette(page, 'Button')
    await expect.poll(() => nodeCount(page)).toBe(3)
    const actor = (role: string) =>
      canvas(page).getByRole('group', { name: `Actor ${role}`, exact: true })
    const at = async (role: string) => (await actor(role).boundingBox())!
    // The two dragged together are selected while the zoom is 1, where they are easy to hit.
    await actor('root').click()
    await actor('text').click({ modifiers: ['Shift'] })
    const gap = async () => {
      const [root, text] = [await at('root'), await at('text')]
      return { x: text.x - root.x, y: text.y - root.y }
    }
    const gapBefore = await gap()
    for (let i = 0; i < 7; i++) {
      await canvas(page).getByRole('button', { name: 'Zoom Out', exact: true }).click()
    }
    await expect.poll(() => actor('root').locator('.actor-node-role').isVisible()).toBe(false)
    const zoom = await viewportScale(page)
    const [root, text, button] = [await at('root'), await at('text'), await at('button')]
    const moved = async (role: string, from: { x: number; y: number }) => {
      const box = await at(role)
      return [Math.round(box.x - from.x), Math.round(box.y - from.y)]
    }
    const pointer = { x: root.x + root.width / 2, y: root.y + root.height / 2 }
    await page.mouse.move(pointer.x, pointer.y)
    await page.mouse.down()
    // React Flow starts the drag once the pointer has gone past its threshold, from there.
    await page.mouse.move(pointer.x + 10, pointer.y + 5, { steps: 2 })
    await expect.poll(async () => (await moved('root', root))[0]).toBeGreaterThan(0)
    const started = await moved('root', root)
    // What is drawn apart from React Flow follows too: the dragged nodes' edges in the far
    // layer and their rectangles in the minimap.
    const farChild = () => canvas(page).locator('[data-far-path="moving-child"]').getAttribute('d')
    const mapMoving = () =>
      minimap(page).locator('.canvas-minimap-nodes.is-selected.is-moving').getAttribute('d')
    await expect.poll(farChild).toMatch(/^M/)
    const [edgesThen, rectanglesThen] = [await farChild(), await mapMoving()]
    expect(rectanglesThen).toMatch(/^M/)
    await page.mouse.move(pointer.x + 40, pointer.y + 20, { steps: 3 })
    // Each frame moves the dragged nodes' elements (directDragFrames.ts): mid-drag, both are
    // where the pointer took them, by the same distance, and the third has not moved.
    const expected = [started[0]! + 30, started[1]! + 15]
    await expect.poll(() => moved('root', root)).toEqual(expected)
    expect(await moved('text', text)).toEqual(expected)
    expect(await moved('button', button)).toEqual([0, 0])
    await expect.poll(farChild).not.toBe(edgesThen)
    await expect.poll(mapMoving).not.toBe(rectanglesThen)
    await page.mouse.up()
    // Dropped: nothing snaps back, and each element shows the place the document now holds
    // (whole numbers, as the document rounds them), in React Flow's own form.
    await page.waitForTimeout(300)
    expect(await moved('root', root)).toEqual(expected)
    expect(await moved('text', text)).toEqual(expected)
    const transforms = await canvas(page)
      .locator('.react-flow__node')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).style.transform))
    for (const transform of transforms)
      expect(transform).toMatch(/^translate\(-?\d+px, ?-?\d+px\)$/)
    await savedToServer(page)
    // Reopened, the document puts the three where they were dropped: the two dragged keep
    // their gap, and the root is as far from the button as the drag took it.
    await page.reload()
    await expect.poll(() => nodeCount(page)).toBe(3)
    await expect.poll(gap).toEqual(gapBefore)
    const [rootAfter, buttonAfter] = [await at('root'), await at('button')]
    const scale = await viewportScale(page)
    const flowGap = (a: { x: number; y: number }, b: { x: number; y: number }, z: number) => ({
      x: (b.x - a.x) / z,
      y: (b.y - a.y) / z,
    })
    const gapThen = flowGap(root, button, zoom)
    const gapNow = flowGap(rootAfter, buttonAfter, scale)
    expect(Math.abs(gapThen.x - expected[0]! / zoom - gapNow.x)).toBeLessThanOrEqual(2)
    expect(Math.abs(gapThen.y - expected[1]! / zoom - gapNow.y)).toBeLessThanOrEqual(2)
    await closeWhenSaved(page)
  })

  test('zoomed far out, a selected edge of a dragged node follows it during the drag', async () => {
    const page = await openWindow(studio.browser, studio.server)
    await addFromPalette(page, 'Text')
    await expect.poll(() => nodeCount(page)).toBe(2)
    // The root and its child link to the text, selected together (a drag of a node already
    // selected keeps the selection, so the link stays selected while the root moves).
    const root = canvas(page).getByRole('group', { name: 'Actor root', exact: true })
    await root.click()
    const link = canvas(page).locator('path.react-flow__edge-path.edge-child:not([data-far-path])')
    await expect.poll(() => link.count()).toBe(1)
    const middle = await link.evaluate((path) => {
      const line = path as SVGPathElement
      const point = line.getPointAtLength(line.getTotalLength() / 2)
      const screen = new DOMPoint(point.x, point.y).matrixTransform(line.getScreenCTM()!)
      return { x: screen.x, y: screen.y }
    })
    await page.keyboard.down('Shift')
    await page.mouse.click(middle.x, middle.y)
    await page.keyboard.up('Shift')
    await expect.poll(() => link.getAttribute('class')).toContain('is-selected')
    await expect
      .poll(() => root.locator('.actor-node').getAttribute('class'))
      .toContain('is-selected')
    for (let i = 0; i < 7; i++) {
      await canvas(page).getByRole('button', { name: 'Zoom Out', exact: true }).click()
    }
    await expect.poll(() => root.locator('.actor-node-role').isVisible()).toBe(false)
    // Far out React Flow still draws the selected edge itself, from its store's positions:
    // such a drag hands it every frame (directDragFrames.ts), so the edge goes with the node.
    const drawn = () => link.getAttribute('d')
    const before = await drawn()
    const box = (await root.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 10, { steps: 4 })
    await expect.poll(drawn).not.toBe(before)
    const during = await drawn()
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 10, { steps: 4 })
    await expect.poll(drawn).not.toBe(during)
    await page.mouse.up()
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
  test('zoomed far out a node is a plain box and an edge a plain line; zoomed in, all is back', async () => {
    const page = await openWindow(studio.browser, studio.server)
    await expect.poll(() => nodeCount(page)).toBe(1)
    // Found by its accessible name, in both levels of detail.
    const node = canvas(page).getByRole('group', { name: 'Actor root', exact: true })
    const role = node.locator('.actor-node-role')
    const handle = canvas(page).getByLabel('Messages out of root', { exact: true })
    // The root's subscription to itself: a React Flow edge zoomed in, a path of the far edge
    // layer (FarEdges.tsx) zoomed out.
    const edge = canvas(page).locator('.react-flow__edge-path.edge-subscription')
    const flowEdges = () => canvas(page).locator('.react-flow__edge').count()
    const farPath = (name: string) => canvas(page).locator(`[data-far-path="${name}"]`)
    const farD = (name: string) => farPath(name).getAttribute('d')
    // React Flow's Handle components carry data-id; far out the handles are only placed.
    const flowHandles = () => node.locator('.react-flow__handle[data-id]').count()
    const placedHandles = () => node.locator('.react-flow__handle[data-handleid]').count()
    const dashes = () => edge.evaluate((path) => getComputedStyle(path).strokeDasharray)
    const arrow = () => edge.evaluate((path) => getComputedStyle(path).markerEnd)
    const viewportLayer = () =>
      canvas(page)
        .locator('.react-flow__viewport')
        .evaluate((element) => getComputedStyle(element).willChange)
    const zoom = async (button: 'Zoom In' | 'Zoom Out', times: number) => {
      for (let i = 0; i < times; i++) {
        await canvas(page).getByRole('button', { name: button, exact: true }).click()
      }
    }

    // A new project opens at zoom 1: everything is drawn.
    await expect(role.innerText()).resolves.toBe('root')
    expect(await role.isVisible()).toBe(true)
    expect(await handle.isVisible()).toBe(true)
    expect(await dashes()).not.toBe('none')
    expect(await arrow()).toMatch(/^url\(/)
    expect(await viewportLayer()).toBe('auto')
    const size = (await node.boundingBox())!

    // Seven steps of 1.2 out is below a third of the size: a box without text or handles.
    await zoom('Zoom Out', 7)
    await expect.poll(() => role.isVisible()).toBe(false)
    expect(await handle.isVisible()).toBe(false)
    expect(await node.isVisible()).toBe(true)
    expect(await flowHandles()).toBe(0)
    expect(await placedHandles()).toBe(4)
    // The loop is a plain line of the far layer, no longer an edge of React Flow's.
    expect(await flowEdges()).toBe(0)
    await expect.poll(() => farD('still-subscription')).toMatch(/^M [\d.-]+ [\d.-]+ C /)
    const line = farPath('still-subscription')
    expect(await line.evaluate((path) => getComputedStyle(path).strokeDasharray)).toBe('none')
    expect(await line.evaluate((path) => getComputedStyle(path).markerEnd)).toBe('none')
    expect(await farD('moving-subscription')).toBe('')
    // The box keeps its size (scaled by the zoom), so no edge or handle moves.
    const far = (await node.boundingBox())!
    expect(Math.abs(far.width / far.height - size.width / size.height)).toBeLessThan(0.05)
    // Once the zoom holds still, the viewport is a layer of its own (a pan moves its bitmap).
    await expect.poll(viewportLayer).toBe('transform')
    // Still selected by a click (the box is filled), and inspected.
    await node.click()
    await expect
      .poll(() => node.locator('.actor-node').getAttribute('class'))
      .toContain('is-selected')
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Inspector' })
          .getByRole('textbox', { name: 'Role' })
          .inputValue(),
      )
      .toBe('root')

    // Dragged far out, the loop goes with the node, and stays where it was dropped.
    const loopBefore = await farD('still-subscription')
    const box = (await node.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 20, { steps: 6 })
    await expect.poll(() => farD('moving-subscription')).toMatch(/^M /)
    // What the drag changes is on layers of its own (canvasSpeed.css): the dragged node, and
    // its edges' paths, over the nodes, so the other nodes and edges are not drawn again.
    const layerOf = (locator: ReturnType<typeof canvas>) =>
      locator.evaluate((element) => {
        const style = getComputedStyle(element)
        return `${style.willChange} ${style.zIndex}`
      })
    expect(await layerOf(canvas(page).locator('.canvas-far-edges.is-moving'))).toBe('transform 1')
    expect(await layerOf(canvas(page).locator('.canvas-far-edges:not(.is-moving)'))).toBe('auto -1')
    await expect.poll(() => layerOf(node)).toMatch(/^transform /)
    expect(
      await farPath('moving-subscription').evaluate(
        (path) => path.closest('svg')?.className.baseVal,
      ),
    ).toBe('canvas-far-edges is-moving')
    await page.mouse.up()
    await expect.poll(() => farD('moving-subscription')).toBe('')
    await expect.poll(() => layerOf(node)).toMatch(/^auto /)
    const loopAfter = await farD('still-subscription')
    expect(loopAfter).toMatch(/^M /)
    expect(loopAfter).not.toBe(loopBefore)

    await zoom('Zoom In', 7)
    await expect.poll(() => role.isVisible()).toBe(true)
    expect(await handle.isVisible()).toBe(true)
    expect(await flowEdges()).toBe(1)
    expect(await canvas(page).locator('.canvas-far-edges').count()).toBe(0)
    expect(await flowHandles()).toBe(4)
    expect(await dashes()).not.toBe('none')
    expect(await arrow()).toMatch(/^url\(/)
    expect(await viewportLayer()).toBe('auto')
    await closeWhenSaved(page)
  })

  test('a node has the size it is given, and its lines fill it exactly, with or without received types', async () => {
    const page = await openWindow(studio.browser, studio.server)
    await expect.poll(() => nodeCount(page)).toBe(1)
    // The root receives its own button's event (it subscribes to itself); the other actor
    // receives nothing and has a role far too long for its box.
    const long = 'an actor whose role is much longer than any node is wide'
    // More received types than one row holds: those that fit, then a count of the rest.
    const names = ['opened', 'closed', 'saved', 'renamed', 'deleted', 'restored']
    await chooseImportFile(page, 'sizes.troupe.json', {
      troupe: 1,
      name: 'Sizes',
      root: 'top',
      actors: {
        top: {
          role: 'top',
          context: { visible: true },
          view: { tag: 'button', events: { click: { event: 'tapped' } }, elements: ['Tap'] },
          subscriptions: ['top'],
          children: ['other', 'busy'],
          dependencies: {},
        },
        busy: {
          role: 'busy',
          context: { visible: true },
          view: {
            tag: 'div',
            elements: names.map((name) => ({
              tag: 'button',
              events: { click: { event: name } },
              elements: [name],
            })),
          },
          subscriptions: ['busy'],
          children: [],
          dependencies: {},
        },
        other: {
          role: long,
          context: { visible: true },
          view: { tag: 'p', elements: ['Hello'] },
          subscriptions: [],
          children: [],
          dependencies: {},
        },
      },
    })
    await expect.poll(() => nodeCount(page)).toBe(3)
    const fit = (role: string) =>
      canvas(page)
        .getByRole('group', { name: `Actor ${role}`, exact: true })
        .evaluate((wrapper) => {
          const box = wrapper.querySelector('.actor-node')!
          const body = wrapper.querySelector('.actor-node-body')!
          const style = getComputedStyle(box)
          const inner = box.getBoundingClientRect()
          const scale = inner.width / (box as HTMLElement).offsetWidth
          const inset = (parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop)) * scale
          const lines = [...body.children].map((line) => line.getBoundingClientRect())
          const role = body.querySelector('.actor-node-role') as HTMLElement
          return {
            // React Flow's wrapper carries the size the canvas gave it (nodeSize.ts).
            given: [wrapper.style.width, wrapper.style.height],
            top: (lines[0]!.top - inner.top - inset) / scale,
            bottom: (inner.bottom - lines[lines.length - 1]!.bottom - inset) / scale,
            lines: lines.length,
            cut: role.scrollWidth > role.clientWidth,
          }
        })
    const top = await fit('top')
    expect(top.given).toEqual(['180px', '82px'])
    expect(top.lines).toBe(4)
    const other = await fit(long)
    expect(other.given).toEqual(['180px', '62px'])
    expect(other.lines).toBe(3)
    expect(other.cut).toBe(true)
    const busy = canvas(page).getByRole('group', { name: 'Actor busy', exact: true })
    const chips = await busy.getByRole('list', { name: 'Receives' }).evaluate((row) => {
      const bounds = row.getBoundingClientRect()
      const items = [...row.children].map((item) => ({
        text: item.textContent,
        inside: item.getBoundingClientRect().right <= bounds.right + 0.5,
      }))
      return { items, title: row.getAttribute('title') }
    })
    const texts = chips.items.map((chip) => chip.text)
    expect(texts.at(-1)).toBe(`+${names.length - (texts.length - 1)}`)
    expect(texts.slice(0, -1)).toEqual([...names].sort().slice(0, texts.length - 1))
    expect(texts.length).toBeGreaterThan(1)
    expect(chips.items.every((chip) => chip.inside)).toBe(true)
    expect(chips.title).toBe(`Receives ${[...names].sort().join(', ')}`)
    for (const { top: above, bottom: below } of [top, other]) {
      // No line overflows the box and none leaves a gap: the numbers agree with the CSS.
      expect(Math.abs(above)).toBeLessThanOrEqual(0.5)
      expect(Math.abs(below)).toBeLessThanOrEqual(0.5)
    }
    await closeWhenSaved(page)
  })

  test('a project that opens far out never builds React Flow edges, only the far layer', async () => {
    const page = await openWindow(studio.browser, studio.server)
    await expect.poll(() => nodeCount(page)).toBe(1)
    // Counts every React Flow edge element put in the page from now on, and notes each class
    // the canvas's flow element gets (a new one comes with the imported project).
    await page.evaluate(() => {
      const seen = { edges: 0, canvasClasses: [] as string[] }
      Object.assign(globalThis, { seenEdges: seen })
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'attributes') {
            const target = record.target as Element
            if (target.matches('.canvas-flow')) seen.canvasClasses.push(target.className)
            continue
          }
          for (const added of record.addedNodes) {
            if (!(added instanceof Element)) continue
            if (added.matches('.react-flow__edge')) seen.edges++
            seen.edges += added.querySelectorAll('.react-flow__edge').length
            const flow = added.matches('.canvas-flow') ? added : added.querySelector('.canvas-flow')
            if (flow) seen.canvasClasses.push(flow.className)
          }
        }
      }).observe(document.body, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['class'],
      })
    })
    // 120 leaves under one container: laid out in a row far wider than the canvas.
    const leaves = Array.from({ length: 120 }, (_, i) => `leaf${i}`)
    const actors: Record<string, unknown> = {
      top: {
        role: 'top',
        context: { visible: true },
        view: { container: { layout: 'flex' } },
        subscriptions: ['leaf0'],
        children: leaves,
        dependencies: {},
      },
    }
    leaves.forEach((id, i) => {
      actors[id] = {
        role: id,
        context: { visible: true },
        view: { tag: 'p', elements: [id] },
        subscriptions: [leaves[(i + 1) % leaves.length]],
        children: [],
        dependencies: {},
      }
    })
    await chooseImportFile(page, 'wide.troupe.json', {
      troupe: 1,
      name: 'Wide',
      root: 'top',
      actors,
    })
    await expect.poll(() => nodeCount(page), { timeout: 20_000 }).toBe(121)
    // 121 subscriptions and 120 child links, all in the far layer's still paths.
    const drawn = (name: string) =>
      canvas(page)
        .locator(`[data-far-path="${name}"]`)
        .evaluate((path) => (path.getAttribute('d')?.match(/M/g) ?? []).length)
    await expect.poll(() => drawn('still-subscription'), { timeout: 20_000 }).toBe(121)
    expect(await drawn('still-child')).toBe(120)
    const seen = await page.evaluate(
      () => (globalThis as { seenEdges?: { edges: number; canvasClasses: string[] } }).seenEdges,
    )
    expect(seen?.edges).toBe(0)
    // Drawn far out from its first render, as its nodes are (before the first fit too): the
    // fit landing far out does not restyle every node.
    expect(seen?.canvasClasses.length).toBeGreaterThan(0)
    expect(seen?.canvasClasses.every((name) => name.split(' ').includes('is-far'))).toBe(true)
    await closeWhenSaved(page)
  })
})
