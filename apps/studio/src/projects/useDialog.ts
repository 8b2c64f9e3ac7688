import { type RefObject, useEffect, useRef } from 'react'

/**
 * Keeps a native <dialog> open while `open` is true (modal: focus stays inside, Escape
 * closes it) and reports a close by Escape or the close button through `onClose`.
 */
export function useDialog(
  open: boolean,
  onClose: () => void,
  mode: 'modal' | 'non-modal' = 'modal',
): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null)
  const latestClose = useRef(onClose)
  latestClose.current = onClose
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      if (mode === 'modal') dialog.showModal()
      else dialog.show()
    }
    if (!open && dialog.open) dialog.close()
  }, [open, mode])
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const closed = () => latestClose.current()
    dialog.addEventListener('close', closed)
    return () => dialog.removeEventListener('close', closed)
  }, [])
  return ref
}
