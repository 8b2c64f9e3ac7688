import { useSession } from '../app/StudioContext'

/**
 * The canvas's status region: what the last action did, or why it was refused (with its TRP
 * code). A live region, so screen readers announce it too.
 */
export function CanvasNotice() {
  const notice = useSession((s) => s.notice)
  return (
    <div
      role="status"
      aria-label="Canvas messages"
      aria-live="polite"
      className={`canvas-notice${notice ? ` is-${notice.tone}` : ''}`}
    >
      {notice ? <span key={notice.seq}>{notice.text}</span> : null}
    </div>
  )
}
