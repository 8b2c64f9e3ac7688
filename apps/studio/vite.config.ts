import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Automerge's browser entry imports its wasm as an ES module, which needs extra plugins;
// the base64 entry initialises itself anywhere, so the studio uses that one.
const automergeBase64 = fileURLToPath(
  new URL(
    '../../packages/documents/node_modules/@automerge/automerge/dist/mjs/entrypoints/fullfat_base64.js',
    import.meta.url,
  ),
)

export default defineConfig({
  plugins: [react()],
  resolve: { alias: [{ find: /^@automerge\/automerge$/, replacement: automergeBase64 }] },
  server: {
    port: 5173,
    proxy: { '/sync': { target: 'ws://localhost:4321', ws: true } },
  },
  build: { outDir: 'dist', chunkSizeWarningLimit: 8000, sourcemap: false },
  worker: { format: 'es' },
})
