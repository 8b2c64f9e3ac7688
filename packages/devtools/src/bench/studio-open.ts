/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core'
import { loadedPreviewFrame } from './studio-edit'

/**
 * Opening a project to interactive: a fresh browser context (nothing cached, no local copy in
 * IndexedDB) navigates to the project's address; the studio loads, connects to the server,
 * syncs the project and its instance and draws the canvas. "Interactive" is when a click on a
 * node has selected it: the bench clicks a node (real input through CDP) in the first frame
 * in which every actor's node is on the canvas, measured (React Flow shows a node once it
 * knows its size) and fitted to view, and the time is taken when the inspector shows that
 * actor's role. So a page that only looks ready, or whose main thread is still busy when the
 * canvas appears, does not count as interactive; the time includes the bench's own round trip
 * from seeing the canvas to sending the click (a few milliseconds).
 */
export interface OpenTimes {
  /** The studio's script started running (its JavaScript downloaded and parsed). */
  script: number
  /** The project and its instance documents are open (synced from the server). */
  documents: number
  /** Every node drawn, measured and fitted to view. */
  canvas: number
  /** The clicked node is selected: the inspector shows its role. */
  interactive: number
  /** The preview frame shows the app (its root's first text). */
  preview: number
}

interface OpenWindow {
  /** When the canvas was ready, and where the node to click is then. */
  canvasReady: Promise<{ at: number; x: number; y: number }>
  selected: Promise<number>
  previewShown: Promise<number>
}

/** Init script (studio page): resolves `canvasReady` and `selected` with ms since navigation. */
export function installOpenProbe(expected: { nodes: number; clickId: string; role: string }): void {
  if (window.top !== window) return
  const afterThisFrame = (resolve: (at: number) => void) => {
    // The end of this frame's rendering: a message posted now arrives after it.
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve(performance.now())
    channel.port2.postMessage(null)
  }
  const everyFrame = (test: () => boolean) =>
    new Promise<number>((resolve) => {
      const poll = () => (test() ? afterThisFrame(resolve) : requestAnimationFrame(poll))
      requestAnimationFrame(poll)
    })
  const drawn = everyFrame(() => {
    const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node')
    const last = nodes[nodes.length - 1]
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')
    const fitted = viewport && !/scale\(1\)$/.test(viewport.style.transform)
    return (
      nodes.length >= expected.nodes && !!last && !!fitted && last.style.visibility !== 'hidden'
    )
  })
  const canvasReady = drawn.then((at) => {
    const node = document.querySelector(`.react-flow__node[data-id="${expected.clickId}"]`)
    const box = node?.getBoundingClientRect()
    if (!box) throw new Error(`No node ${expected.clickId} on the canvas`)
    return { at, x: box.x + box.width / 2, y: box.y + box.height / 2 }
  })
  const selected = drawn.then(() =>
    everyFrame(() => {
      const inspector = document.querySelector('[aria-label="Inspector"]')
      const inputs = [...(inspector?.querySelectorAll('input') ?? [])]
      return inputs.some((input) => input.value === expected.role)
    }),
  )
  Object.assign(globalThis, { canvasReady, selected })
}

/** Init script (preview frame): resolves `previewShown` once the frame shows `text`. */
export function installPreviewProbe(text: string): void {
  if (window.top === window) return
  const shown = new Promise<number>((resolve) => {
    const poll = () =>
      document.body?.textContent?.includes(text)
        ? resolve(performance.timeOrigin + performance.now())
        : requestAnimationFrame(poll)
    requestAnimationFrame(poll)
  })
  Object.assign(globalThis, { previewShown: shown })
}

export async function openToInteractive(
  context: BrowserContext,
  url: string,
  expected: { nodes: number; clickId: string; role: string; previewText: string },
  /** Around the open, for tools that watch it (studio-open-profile.ts: the CPU profiler). */
  hooks: { before?(page: Page): Promise<void>; after?(page: Page): Promise<void> } = {},
): Promise<OpenTimes> {
  const page = await context.newPage()
  try {
    await hooks.before?.(page)
    await page.addInitScript(installOpenProbe, expected)
    await page.addInitScript(installPreviewProbe, expected.previewText)
    await page.goto(url)
    const canvas = await page.evaluate(() => (globalThis as unknown as OpenWindow).canvasReady)
    // Straight to the node's middle: no actionability waits of the bench's own in between.
    await page.mouse.click(canvas.x, canvas.y)
    const interactive = await page.evaluate(() => (globalThis as unknown as OpenWindow).selected)
    const previewAt = await (await loadedPreviewFrame(page)).evaluate(
      () => (globalThis as unknown as OpenWindow).previewShown,
    )
    const marks = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN
      return {
        script: at('troupe:studio-script'),
        documents: at('troupe:documents-open'),
        origin: performance.timeOrigin,
      }
    })
    await hooks.after?.(page)
    return {
      script: marks.script,
      documents: marks.documents,
      canvas: canvas.at,
      interactive,
      preview: previewAt - marks.origin,
    }
  } finally {
    await page.close()
  }
}
