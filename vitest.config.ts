import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumArgs, chromiumPath } from './packages/devtools/src/chromium.mjs'

/**
 * One Vitest project per package. Node packages run in Node; the renderer runs in real
 * Chromium (browser mode); end-to-end tests drive the built studio through playwright-core.
 */
const automergeBrowser = fileURLToPath(
  new URL(
    './packages/documents/node_modules/@automerge/automerge/dist/mjs/entrypoints/fullfat_base64.js',
    import.meta.url,
  ),
)

const browser = {
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const }],
}

const nodeProject = (name: string, dir: string) => ({
  test: {
    name,
    root: dir,
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node' as const,
  },
})

export default defineConfig({
  test: {
    projects: [
      nodeProject('core', 'packages/core'),
      nodeProject('runtime', 'packages/runtime'),
      nodeProject('documents', 'packages/documents'),
      nodeProject('cli', 'packages/cli'),
      nodeProject('server', 'apps/server'),
      nodeProject('devtools', 'packages/devtools'),
      nodeProject('studio', 'apps/studio'),
      nodeProject('styles', 'packages/styles'),
      {
        resolve: { alias: [{ find: /^@automerge\/automerge$/, replacement: automergeBrowser }] },
        test: {
          name: 'renderer',
          root: 'packages/renderer',
          include: ['test/**/*.test.{ts,tsx}'],
          browser,
        },
      },
      {
        // Every story in .storybook/main.ts's globs becomes a test; its play function asserts.
        plugins: [
          storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) }),
        ],
        test: {
          name: 'storybook',
          // Own instances list: Vitest names each instance after its project in place, so a
          // shared one would be reported (and filtered) as the renderer's.
          browser: { ...browser, instances: [{ browser: 'chromium' as const }] },
        },
      },
      {
        test: {
          name: 'e2e',
          root: 'apps/studio',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // expect.poll waits on the browser, the network and the disk: 20 s for a loaded machine.
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
})
