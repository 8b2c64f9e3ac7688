import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
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

/** The built player's files the page needs: its index.html and its .wasm asset's name. */
export function readPlayerBuild(
  playerDir: string,
): { template: string; wasm?: string } | undefined {
  const index = join(playerDir, 'index.html')
  if (!existsSync(index)) return undefined
  const assets = join(playerDir, 'assets')
  const wasm = existsSync(assets)
    ? readdirSync(assets).find((name) => name.endsWith('.wasm'))
    : undefined
  return { template: readFileSync(index, 'utf8'), ...(wasm ? { wasm } : {}) }
}
