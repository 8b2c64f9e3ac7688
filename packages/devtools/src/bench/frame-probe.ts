/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * In-page probes of `pnpm bench studio`. Each is a self-contained function that Playwright
 * serialises into the page (so it may use nothing from this module's scope).
 */

/** One pointer move and the frame that showed it, in the page's performance.now() ms. */
export interface FrameRecord {
  /** The first pointermove listener (capture, on window) starts. */
  input: number
  /** The input task (and its microtasks, where React renders) has finished. */
  taskEnd: number
  /** The next animation frame starts. */
  rafStart: number
  /** That frame's rendering (style, layout, paint) has finished. */
  frameEnd: number
}

export interface FrameProbe {
  records: FrameRecord[]
  /** Resolves once `count` pointer moves have each had their frame. */
  waitFor(count: number): Promise<void>
}

/**
 * Records, for every trusted pointer move, when its handling started, when the task ended,
 * when the next frame started and when that frame's rendering ended. A message posted from
 * inside a task or an animation-frame callback is delivered only after that task (or the
 * frame's rendering steps) finished, which is how the two ends are seen. The time between
 * the task's end and the frame's start is the browser idling until the next vsync; the
 * frame time reported is the main thread's work: input handling plus the frame's rendering.
 */
export function installFrameProbe(): void {
  const records: FrameRecord[] = []
  const waiters: { count: number; resolve(): void }[] = []
  const afterThisTask = (done: () => void) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      done()
    }
    channel.port2.postMessage(null)
  }
  addEventListener(
    'pointermove',
    (event) => {
      if (!event.isTrusted) return
      const record: FrameRecord = { input: performance.now(), taskEnd: 0, rafStart: 0, frameEnd: 0 }
      afterThisTask(() => {
        record.taskEnd = performance.now()
      })
      requestAnimationFrame(() => {
        record.rafStart = performance.now()
        afterThisTask(() => {
          record.frameEnd = performance.now()
          records.push(record)
          for (const waiter of [...waiters]) {
            if (records.length >= waiter.count) {
              waiters.splice(waiters.indexOf(waiter), 1)
              waiter.resolve()
            }
          }
        })
      })
    },
    { capture: true },
  )
  const probe: FrameProbe = {
    records,
    waitFor: (count) =>
      records.length >= count
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            waiters.push({ count, resolve })
            setTimeout(
              () => reject(new Error(`frame probe: ${records.length} of ${count} moves drawn`)),
              10_000,
            )
          }),
  }
  Object.assign(globalThis, { frameProbe: probe })
}

/** The main thread's work for one frame (see installFrameProbe). */
export function frameWork(record: FrameRecord): number {
  const idle = Math.max(0, record.rafStart - record.taskEnd)
  return record.frameEnd - record.input - idle
}

/**
 * A point on the canvas pane with no node, edge or control under it (where a drag pans), in
 * page coordinates, searched on a grid inside `selector`'s element.
 */
export function emptyPanePoint(selector: string): { x: number; y: number } | null {
  const box = document.querySelector(selector)?.getBoundingClientRect()
  if (!box) return null
  for (let fy = 0.3; fy <= 0.7; fy += 0.02) {
    for (let fx = 0.3; fx <= 0.7; fx += 0.02) {
      const x = box.left + box.width * fx
      const y = box.top + box.height * fy
      const hit = document.elementFromPoint(x, y)
      if (hit?.classList.contains('react-flow__pane')) return { x, y }
    }
  }
  return null
}
