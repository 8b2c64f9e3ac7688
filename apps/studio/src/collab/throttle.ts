/**
 * Calls `run` at most once per `ms`: the first call at once, then the latest value when the
 * interval is over, so the last position always arrives. Cursor messages go through it.
 */
export function throttle<T>(run: (value: T) => void, ms: number): (value: T) => void {
  let last = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: { value: T } | null = null
  const flush = () => {
    timer = undefined
    if (!pending) return
    last = Date.now()
    const { value } = pending
    pending = null
    run(value)
  }
  return (value) => {
    pending = { value }
    if (timer) return
    const wait = last + ms - Date.now()
    if (wait <= 0) flush()
    else timer = setTimeout(flush, wait)
  }
}
