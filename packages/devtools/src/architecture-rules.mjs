// The layering of docs/ARCHITECTURE.md as data: which workspace packages and which outside
// packages each package may import. Keep the two in step.
const node = ['node:*']
const testTools = ['vitest', '@vitest/*', 'playwright-core', '@storybook/*', 'storybook']

export const layers = {
  'packages/core': { workspace: [], outside: ['zod'] },
  'packages/runtime': { workspace: ['@troupe/core'], outside: [] },
  'packages/documents': {
    workspace: ['@troupe/core', '@troupe/runtime'],
    outside: ['@automerge/*', ...node],
  },
  'packages/renderer': {
    workspace: ['@troupe/core'],
    outside: ['react', 'react-dom', 'react/*', 'react-dom/*'],
  },
  'packages/styles': {
    workspace: ['@troupe/core'],
    outside: ['tailwindcss', ...node],
  },
  'packages/cli': {
    workspace: ['@troupe/core', '@troupe/runtime', '@troupe/documents', '@troupe/styles'],
    outside: [...node],
  },
  'apps/server': {
    workspace: ['@troupe/core', '@troupe/documents', '@troupe/styles'],
    outside: ['ws', 'pino', ...node],
  },
  // The published app: runtime and view renderer only, no editor code (issue 6).
  'apps/player': {
    workspace: ['@troupe/core', '@troupe/documents', '@troupe/renderer', '@troupe/styles'],
    outside: [
      'react',
      'react-dom',
      'react/*',
      'react-dom/*',
      'automerge-wasm-url', // the URL of Automerge's .wasm asset (@troupe/documents/vite)
      'vite',
      '@vitejs/*',
      ...node,
    ],
  },
  'apps/studio': {
    workspace: [
      '@troupe/core',
      '@troupe/runtime',
      '@troupe/documents',
      '@troupe/renderer',
      '@troupe/styles',
    ],
    outside: [
      'react',
      'react-dom',
      'react/*',
      'react-dom/*',
      '@xyflow/react',
      '@xyflow/system', // React Flow's framework-free core: the canvas minimap's pan and zoom
      'elkjs/*',
      'monaco-editor',
      'monaco-editor/*',
      'jsonc-parser', // where a JSON path sits in the editor's text (lint markers and links)
      'zustand',
      'zustand/*',
      'tailwindcss', // compiles the app's classes inside the preview frame
      'automerge-wasm-url', // the URL of Automerge's .wasm asset (@troupe/documents/vite)
      'vite',
      '@vitejs/*',
      ...node,
    ],
  },
}

/** Extra imports allowed in tests, stories and config files (never in src/). */
export const testOnly = [...testTools, ...node, '@troupe/*']
