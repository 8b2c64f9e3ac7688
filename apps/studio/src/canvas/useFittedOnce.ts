import { useStore } from '@xyflow/react'
import { useRef } from 'react'

/**
 * Whether React Flow has fitted the view to the nodes since the canvas mounted. Its `fitView`
 * prop queues a fit, which runs once every node is measured; the queue flag is set by an
 * effect after the first render, so "fitted" is the flag going down after it went up.
 */
export function useFittedOnce(): boolean {
  const queued = useStore((s) => s.fitViewQueued)
  const seen = useRef({ queued: false, fitted: false })
  if (queued) seen.current.queued = true
  else if (seen.current.queued) seen.current.fitted = true
  return seen.current.fitted
}
