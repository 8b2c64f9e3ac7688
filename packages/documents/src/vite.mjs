// Vite aliases for a page that loads Automerge's wasm as its own file (the player, the
// studio): Automerge's slim entry (no wasm inside) in place of the self-initialising base64
// one, and `automerge-wasm-url`, the URL of the .wasm asset the build emits. The page starts
// `initializeAutomergeWasm(url)` (from `@troupe/documents/browser`) as it loads, so the wasm
// streams in and compiles in parallel instead of decoding 4.8 MB of base64 JavaScript, and
// opens a repo once it is ready. Plain JavaScript: vite.config files load it with Node.
import { fileURLToPath } from 'node:url'

const automerge = (path) =>
  fileURLToPath(new URL(`../node_modules/@automerge/automerge/${path}`, import.meta.url))

export function automergeWasmAliases() {
  return [
    { find: /^@automerge\/automerge$/, replacement: automerge('dist/mjs/entrypoints/slim.js') },
    { find: /^automerge-wasm-url$/, replacement: `${automerge('dist/automerge.wasm')}?url` },
  ]
}

// Vite plugin: a preload link for Automerge's .wasm file in each built page whose scripts
// load it, so the file downloads beside those scripts instead of after they have run, and
// `initializeAutomergeWasm(url)` (a plain fetch of the same URL) finds it already coming.
export function automergeWasmPreload() {
  let base = '/'
  return {
    name: 'troupe-automerge-wasm-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        const wasm = Object.values(bundle ?? {}).find((file) => file.fileName.endsWith('.wasm'))
        const scripts = chunk ? [chunk, ...chunk.imports.map((name) => bundle?.[name])] : []
        const loads = scripts.some(
          (file) => file?.type === 'chunk' && wasm && file.code.includes(wasm.fileName),
        )
        if (!wasm || !loads) return []
        const href = `${base}${wasm.fileName}`
        const attrs = {
          rel: 'preload',
          href,
          as: 'fetch',
          type: 'application/wasm',
          crossorigin: '',
        }
        return [{ tag: 'link', attrs, injectTo: 'head' }]
      },
    },
  }
}
