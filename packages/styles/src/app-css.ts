import { collectClasses, isLoadFreeClass, type ProjectDefinition } from '@troupe/core'
import { compile } from 'tailwindcss'

/**
 * Tailwind v4 CSS for an app's classes. Works the same in the browser (the preview frame
 * passes `tailwindcss/index.css` imported `?raw`) and in Node (read the same file from disk),
 * so a published app's stylesheet is exactly what the preview showed. Only classes that cannot
 * load anything are compiled (see `isLoadFreeClass`).
 */
export interface AppCssCompiler {
  /**
   * Adds classes and returns the whole stylesheet when any was new, else `null`. Tailwind
   * keeps every class it has seen, so the sheet only grows, as the page's classes do.
   */
  add(classes: Iterable<string>): string | null
}

export async function createAppCssCompiler(tailwindIndexCss: string): Promise<AppCssCompiler> {
  const compiler = await compile(tailwindIndexCss)
  const seen = new Set<string>()
  let built = false
  return {
    add(classes) {
      const fresh: string[] = []
      for (const token of classes) {
        if (seen.has(token)) continue
        seen.add(token)
        if (isLoadFreeClass(token)) fresh.push(token)
      }
      if (built && fresh.length === 0) return null
      built = true
      return compiler.build(fresh)
    },
  }
}

/** A published app's stylesheet: every class its views can use (`collectClasses`), compiled. */
export async function compileAppCss(
  definition: ProjectDefinition,
  tailwindIndexCss: string,
): Promise<string> {
  const compiler = await createAppCssCompiler(tailwindIndexCss)
  return compiler.add(collectClasses(definition)) ?? ''
}
