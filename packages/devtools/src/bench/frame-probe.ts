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
  /**
   * The task that changed the watched element for this move has finished (the input's own
   * task when the change was made there, or a later one when the page deferred its render).
   */
  taskEnd: number
  /** The next animation frame after that change starts. */
  rafStart: number
  /** That frame's rendering (style, layout, paint) has finished. */
  frameEnd: number
  /** False when the watched element did not change for this move (e.g. under a drag threshold). */
  shown: boolean
}

export interface FrameProbe {
  records: FrameRecord[]
  /**
   * The element whose style a move must change to count as shown (the dragged node, or the
   * pane's viewport when panning); moves are timed until the frame that drew that change.
   */
  watch(selector: string): void
  /** Resolves once `count` pointer moves have each had their frame. */
  waitFor(count: number): Promise<void>
}

/**
 * Records, for every trusted pointer move, when its handling started, when the task that
 * changed the watched element ended, when the next frame started and when that frame's
 * rendering ended. A page may render a move in the input's task (a store update rendered
 * synchronously) or in a later task (React state updated from a pointer event is rendered by
 * React's scheduler after the input's frame): either way the move is timed until the frame
 * that shows it, so deferred work is counted too. A message posted from inside a task or an
 * animation-frame callback is delivered only after that task (or the frame's rendering
 * steps) finished, which is how the ends are seen. The time between the change's task and the
 * frame's start is the browser idling until the next vsync; the frame time reported is the
 * main thread's work: from the input's handling to the end of the frame that showed it,
 * minus that idle wait.
 */
export function installFrameProbe(): void {
  const records: FrameRecord[] = []
  const waiters: { count: number; resolve(): void }[] = []
  let watched: Element | null = null
  let open: FrameRecord | null = null
  const afterThisTask = (done: () => void) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      done()
    }
    channel.port2.postMessage(null)
  }
  const push = (record: FrameRecord) => {
    records.push(record)
    for (const waiter of [...waiters]) {
      if (records.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
    }
  }
  /** Times the frame after now: called from the task that made the move's change. */
  const timeFrame = (record: FrameRecord) => {
    afterThisTask(() => {
      record.taskEnd = performance.now()
    })
    requestAnimationFrame(() => {
      record.rafStart = performance.now()
      afterThisTask(() => {
        record.frameEnd = performance.now()
        push(record)
      })
    })
  }
  const observer = new MutationObserver(() => {
    const record = open
    if (!record) return
    open = null
    record.shown = true
    timeFrame(record)
  })
  addEventListener(
    'pointermove',
    (event) => {
      if (!event.isTrusted) return
      const record: FrameRecord = {
        input: performance.now(),
        taskEnd: 0,
        rafStart: 0,
        frameEnd: 0,
        shown: false,
      }
      open = record
      // A move that changes nothing still gets a record: its own frame, once the page has
      // gone idle, i.e. rendered any deferred update (then the observer would have taken it).
      requestAnimationFrame(() =>
        requestIdleCallback(
          () => {
            if (open !== record) return
            open = null
            timeFrame(record)
          },
          { timeout: 5_000 },
        ),
      )
    },
    { capture: true },
  )
  const probe: FrameProbe = {
    records,
    watch: (selector) => {
      observer.disconnect()
      watched = document.querySelector(selector)
      if (!watched) throw new Error(`frame probe: nothing matches ${selector}`)
      observer.observe(watched, { attributes: true, attributeFilter: ['style'] })
    },
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
 * page coordinates: the one nearest the middle of `selector`'s element on a grid over all of
 * it (fitted to view, 5,000 actors leave empty pane only near the edges).
 */
export function emptyPanePoint(selector: string): { x: number; y: number } | null {
  const box = document.querySelector(selector)?.getBoundingClientRect()
  if (!box) return null
  const steps: number[] = []
  for (let f = 0.04; f <= 0.96; f += 0.02) steps.push(f)
  const points = steps
    .flatMap((fx) => steps.map((fy) => ({ fx, fy })))
    .sort((a, b) => Math.hypot(a.fx - 0.5, a.fy - 0.5) - Math.hypot(b.fx - 0.5, b.fy - 0.5))
  for (const { fx, fy } of points) {
    const x = box.left + box.width * fx
    const y = box.top + box.height * fy
    if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y }
  }
  return null
}
