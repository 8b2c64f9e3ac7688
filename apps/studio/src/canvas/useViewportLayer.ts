import { useStoreApi } from '@xyflow/react'
import { type RefObject, useEffect } from 'react'

/** How long the zoom must hold still before the viewport gets its layer back. */
const settleMs = 250

/**
 * Marks the canvas (`data-viewport-layer`) while its zoom holds still, so canvasSpeed.css can
 * give the viewport a compositor layer of its own: a pan then moves that layer's bitmap
 * instead of repainting and rasterizing every node and edge on each frame. A bitmap kept
 * through a zoom would be scaled, blurred, so the mark goes at the first change of zoom and
 * comes back once the zoom has settled (the layer is then rasterized once, at the new scale).
 * Written to the DOM from a store subscription: a pan or zoom renders no React component.
 */
export function useViewportLayer(host: RefObject<HTMLElement | null>): void {
  const store = useStoreApi()
  useEffect(() => {
    const element = host.current
    if (!element) return
    let zoom = store.getState().transform[2]
    const layer = () => element.setAttribute('data-viewport-layer', '')
    let timer = setTimeout(layer, settleMs)
    const unsubscribe = store.subscribe((s) => {
      if (s.transform[2] === zoom) return
      zoom = s.transform[2]
      element.removeAttribute('data-viewport-layer')
      clearTimeout(timer)
      timer = setTimeout(layer, settleMs)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
      element.removeAttribute('data-viewport-layer')
    }
  }, [store, host])
}
