import { createRequire } from 'node:module'
import { automergeWasmAliases } from '@troupe/documents/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Resolved from here (the renderer's own folder has React, not Preact, beside it), and to the
// ES module builds (.mjs) beside the CommonJS files require.resolve names.
const preact = (path: string) =>
  createRequire(import.meta.url)
    .resolve(path)
    .replace(/\.js$/, '.mjs')

export default defineConfig({
  plugins: [react()],
  // Relative asset links: the server rewrites them to /player/assets/, a static export keeps them.
  base: './',
  resolve: {
    alias: [
      // Automerge's wasm as its own file, streamed in and compiled while the page loads.
      ...automergeWasmAliases(),
      // The renderer is written against React's API; in the player, Preact's compat layer
      // provides it in about a sixth of react-dom's size (pnpm bench publish measures it).
      { find: /^react-dom\/client$/, replacement: preact('preact/compat/client') },
      { find: /^react-dom$/, replacement: preact('preact/compat') },
      { find: /^react$/, replacement: preact('preact/compat') },
      { find: /^react\/jsx-runtime$/, replacement: preact('preact/jsx-runtime') },
      { find: /^react\/jsx-dev-runtime$/, replacement: preact('preact/jsx-dev-runtime') },
    ],
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 8000,
  },
})
