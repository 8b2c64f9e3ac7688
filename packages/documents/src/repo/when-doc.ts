import type { DocHandle } from '@automerge/automerge-repo'

/**
 * Resolves when `test` holds for the handle's document, checked now and on every change: what
 * tests and tools wait on instead of sleeping (a change from a peer arrives when it arrives).
 */
export function whenDoc<T>(handle: DocHandle<T>, test: (doc: T) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!test(handle.doc() as T)) return
      handle.off('change', check)
      resolve()
    }
    handle.on('change', check)
    check()
  })
}
