import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The same Automerge entry as the studio: it initialises its wasm from base64 anywhere.
const automergeBase64 = fileURLToPath(
  new URL(
    '../../packages/documents/node_modules/@automerge/automerge/dist/mjs/entrypoints/fullfat_base64.js',
    import.meta.url,
  ),
)

export default defineConfig({
  plugins: [react()],
  // Relative asset links: the server rewrites them to /player/assets/, a static export keeps them.
  base: './',
  resolve: { alias: [{ find: /^@automerge\/automerge$/, replacement: automergeBase64 }] },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 8000,
    rolldownOptions: {
      output: {
        // The wasm (as base64) in a chunk of its own, so its size is reported apart from ours.
        codeSplitting: {
          groups: [{ name: 'automerge-wasm', test: /automerge_wasm_bg_base64/ }],
        },
      },
    },
  },
})
