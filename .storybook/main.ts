import type { StorybookConfig } from '@storybook/react-vite'

/**
 * Storybook for the view renderer: one story per construct and per error state of the view
 * format, each with a `play` function. The Vitest addon runs them as tests in Chromium
 * (`vitest run --project storybook`, part of `npm test`).
 */
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../packages/renderer/stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-vitest'],
  core: { disableTelemetry: true },
}

export default config
