import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { ProjectDefinition } from '@troupe/core'
import { compileAppCss } from './app-css'

export * from './app-css'

let indexCss: string | undefined

/** Tailwind's `index.css`, read from disk once: the file the preview frame imports `?raw`. */
export function tailwindIndexCss(): string {
  indexCss ??= readFileSync(createRequire(import.meta.url).resolve('tailwindcss/index.css'), 'utf8')
  return indexCss
}

/** A published app's stylesheet, compiled in Node exactly as the preview frame would. */
export function compileAppCssInNode(definition: ProjectDefinition): Promise<string> {
  return compileAppCss(definition, tailwindIndexCss())
}
