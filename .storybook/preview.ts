import type { Preview } from '@storybook/react-vite'

const preview: Preview = {
  parameters: {
    // The renderer's output is what the view says; stories show it on a plain page.
    layout: 'padded',
  },
}

export default preview
