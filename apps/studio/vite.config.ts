import { fileURLToPath } from 'node:url'
import { automergeWasmAliases, automergeWasmPreload } from '@troupe/documents/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { editorStylesUpFront } from './vite/editorStylesUpFront.ts'

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url))

export default defineConfig({
  plugins: [
    react(),
    automergeWasmPreload(),
    editorStylesUpFront(/\/src\/editor\/monacoSetup\.ts$/),
  ],
  // Automerge's wasm as its own file, streamed in and compiled while the studio loads (main.tsx).
  resolve: { alias: automergeWasmAliases() },
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
