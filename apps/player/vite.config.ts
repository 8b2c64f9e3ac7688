import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Automerge's slim entry (no wasm inside) and its .wasm file, which the player streams in and
// compiles while the rest of the page loads (see main.tsx), instead of decoding 4.8 MB of
// base64 JavaScript as the studio's entry does.
const automerge = (path: string) =>
  fileURLToPath(
    new URL(`../../packages/documents/node_modules/@automerge/automerge/${path}`, import.meta.url),
  )

export default defineConfig({
  plugins: [react()],
  // Relative asset links: the server rewrites them to /player/assets/, a static export keeps them.
  base: './',
  resolve: {
    alias: [
      { find: /^@automerge\/automerge$/, replacement: automerge('dist/mjs/entrypoints/slim.js') },
      { find: /^automerge-wasm-url$/, replacement: `${automerge('dist/automerge.wasm')}?url` },
    ],
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 8000,
  },
})
