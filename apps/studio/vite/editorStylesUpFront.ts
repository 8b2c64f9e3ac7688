import type { Plugin } from 'vite'

/**
 * Vite plugin: the editor's stylesheet and fonts in the studio page's head, instead of added
 * when Monaco first loads.
 *
 * Monaco is imported lazily (`loadMonaco`), and Vite would insert its chunk's stylesheet then:
 * usually right after a project has opened, when the user first selects an actor. A new
 * stylesheet of thousands of rules makes Chromium match every element of the page again, and
 * its `@font-face` makes every text of the page lay out again; with 1,000 actors on the canvas
 * that was a few hundred milliseconds of main thread just after the click (a trace of
 * `pnpm bench studio-open`). Linked in the head, the sheet is parsed once while the page is
 * empty, and Vite's loader finds it there and does not add it again. The font files are
 * preloaded, and main.tsx loads them as the studio starts (`loadDeclaredFonts`), so their
 * arrival also finds an empty page.
 */
export function editorStylesUpFront(entry: RegExp): Plugin {
  let base = '/'
  return {
    name: 'troupe-editor-styles-up-front',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, filename }) {
        if (!bundle || !filename.endsWith('index.html')) return html
        const chunks = Object.values(bundle).filter((file) => file.type === 'chunk')
        const editor = chunks.find((chunk) => entry.test(chunk.facadeModuleId ?? ''))
        if (!editor) throw new Error(`editorStylesUpFront: no chunk is built from ${entry}`)
        const sheets = [...(editor.viteMetadata?.importedCss ?? [])]
        const fonts = sheets.flatMap((name) => {
          const sheet = bundle[name]
          const text = sheet?.type === 'asset' ? String(sheet.source) : ''
          return [...text.matchAll(/url\(["']?([^"')]+\.(?:woff2?|ttf|otf))["']?\)/g)].map(
            (match) => match[1]!,
          )
        })
        const href = (name: string) => (name.startsWith('/') ? name : `${base}${name}`)
        return [
          ...sheets.map((name) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: '', href: href(name) },
            injectTo: 'head' as const,
          })),
          ...fonts.map((url) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', crossorigin: '', href: href(url) },
            injectTo: 'head' as const,
          })),
        ]
      },
    },
  }
}
