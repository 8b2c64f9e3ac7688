import type { AppCssCompiler } from '@troupe/styles'

/**
 * Keeps a `<style>` in the frame's head in step with the classes on the page: the app's
 * classes can come from live data (`bindings.class`), so the preview compiles what is
 * actually rendered rather than what the views say ahead of time. Mutation records are read
 * before the next paint, so a new class has its CSS when it first shows.
 */
export function keepStylesLive(root: Element, compiler: Promise<AppCssCompiler>): () => void {
  const style = document.createElement('style')
  style.dataset.troupeStyles = ''
  document.head.append(style)
  const pending = new Set<string>()
  let ready: AppCssCompiler | null = null

  const collect = (element: Element) => {
    for (const token of element.classList) pending.add(token)
    for (const child of element.querySelectorAll('[class]')) {
      for (const token of child.classList) pending.add(token)
    }
  }
  const flush = () => {
    if (!ready) return
    const css = ready.add(pending)
    pending.clear()
    if (css !== null) style.textContent = css
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') collect(record.target as Element)
      else for (const node of record.addedNodes) if (node instanceof Element) collect(node)
    }
    flush()
  })
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['class'],
  })
  collect(root)
  compiler.then(
    (c) => {
      ready = c
      flush()
    },
    // The app still renders, unstyled; the reason is in the frame's console.
    (error) => console.error("The preview could not compile the app's Tailwind CSS:", error),
  )
  return () => {
    observer.disconnect()
    style.remove()
  }
}
