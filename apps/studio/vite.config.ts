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

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url))

export default defineConfig({
  plugins: [react()],
  resolve: { alias: [{ find: /^@automerge\/automerge$/, replacement: automergeBase64 }] },
  server: {
    port: 5173,
    // The preview frame is sandboxed without allow-same-origin, so its module requests come
    // from origin "null"; besides Vite's default (localhost pages), allow exactly that.
    cors: {
      origin: [/^https?:\/\/(?:(?:[^:]+\.)?localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/, 'null'],
    },
    proxy: { '/sync': { target: 'ws://localhost:4321', ws: true } },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 8000,
    sourcemap: false,
    // Two pages: the studio, and the app preview that the studio loads in a sandboxed frame.
    rolldownOptions: { input: { studio: page('index.html'), preview: page('preview.html') } },
  },
  worker: { format: 'es' },
})
