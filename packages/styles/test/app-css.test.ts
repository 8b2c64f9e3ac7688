import type { ProjectDefinition } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import { compileAppCss, createAppCssCompiler } from '../src/app-css'
import { compileAppCssInNode, tailwindIndexCss } from '../src/node'

// The same stylesheet the preview frame imports `?raw`, read the way a Node publisher does.
const indexCss = tailwindIndexCss()

const definition = {
  root: 'root',
  actors: {
    root: {
      role: 'root',
      context: { tone: 'text-emerald-700' },
      view: {
        container: { layout: 'flex', class: 'flex gap-[7px]' },
        children: [
          {
            slot: 'a',
            leaf: { tag: 'p', classes: 'bg-red-500', bindings: { class: 'context.tone' } },
          },
          { slot: 'b', leaf: { tag: 'p', classes: 'bg-[url(https://evil.example/x.png)] p-4' } },
        ],
      },
      subscriptions: [],
      children: [],
      dependencies: {},
    },
  },
} as unknown as ProjectDefinition

describe('app CSS (Tailwind v4, in Node)', () => {
  it('compiles the classes an app uses, and only those', async () => {
    const css = await compileAppCss(definition, indexCss)
    expect(css).toMatch(/\.bg-red-500\s*\{[^}]*background-color:\s*var\(--color-red-500\)/)
    expect(css).toMatch(/--color-red-500:\s*oklch/)
    expect(css).toContain('.text-emerald-700')
    expect(css).toContain('.gap-\\[7px\\]')
    expect(css).toContain('.p-4')
    expect(css).not.toContain('.bg-blue-600')
  })

  it('never compiles a class that would load something', async () => {
    const css = await compileAppCss(definition, indexCss)
    expect(css).not.toContain('evil.example')
    const compiler = await createAppCssCompiler(indexCss)
    compiler.add(['p-1'])
    expect(compiler.add(['bg-[url(x.png)]', '[background:image-set("y.png")]'])).toBeNull()
  })

  it('compiles the same sheet in Node as from the given index.css', async () => {
    expect(await compileAppCssInNode(definition)).toBe(await compileAppCss(definition, indexCss))
  })

  it('returns a new sheet only when a class is new', async () => {
    const compiler = await createAppCssCompiler(indexCss)
    const first = compiler.add(['p-1'])
    expect(first).toContain('.p-1')
    expect(compiler.add(['p-1'])).toBeNull()
    const second = compiler.add(['p-1', 'm-2'])
    expect(second).toContain('.p-1')
    expect(second).toContain('.m-2')
  })
})
