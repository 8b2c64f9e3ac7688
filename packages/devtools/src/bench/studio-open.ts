/// <reference lib="dom" />
import type { BrowserContext } from 'playwright-core'

/**
 * Opening a project to interactive: a fresh browser context (nothing cached, no local copy in
 * IndexedDB) navigates to the project's address; the studio loads, connects to the server,
 * syncs the project and its instance and draws the canvas. "Interactive" is the end of the
 * first frame in which every actor's node is on the canvas, measured (React Flow shows a node
 * once it knows its size) and fitted to view; the bench then clicks a node and waits for the
 * inspector to show it, so a page that only looks ready does not pass.
 */
interface OpenWindow {
  canvasReady: Promise<number>
}

/** Init script: resolves `canvasReady` with ms since navigation start. */
export function installOpenProbe(expectedNodes: number): void {
  const ready = new Promise<number>((resolve) => {
    const poll = () => {
      const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node')
      const last = nodes[nodes.length - 1]
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')
      const fitted = viewport && !/scale\(1\)$/.test(viewport.style.transform)
      if (nodes.length >= expectedNodes && last && fitted && last.style.visibility !== 'hidden') {
        // The end of this frame's rendering: a message posted now arrives after it.
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve(performance.now())
        channel.port2.postMessage(null)
        return
      }
      requestAnimationFrame(poll)
    }
    requestAnimationFrame(poll)
  })
  Object.assign(globalThis, { canvasReady: ready })
}

export async function openToInteractive(
  context: BrowserContext,
  url: string,
  expectedNodes: number,
  clickActor: { id: string; role: string },
): Promise<number> {
  const page = await context.newPage()
  try {
    await page.addInitScript(installOpenProbe, expectedNodes)
    await page.goto(url)
    const ready = await page.evaluate(() => (globalThis as unknown as OpenWindow).canvasReady)
    await page.locator(`.react-flow__node[data-id="${clickActor.id}"]`).click()
    await page
      .getByRole('region', { name: 'Inspector' })
      .getByRole('textbox', { name: 'Role' })
      .and(page.locator(`input[value="${clickActor.role}"]`))
      .waitFor()
    return ready
  } finally {
    await page.close()
  }
}
