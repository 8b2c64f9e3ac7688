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
