import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ActorDefinition } from '@troupe/core'
import { expect, fn } from 'storybook/test'
import { TroupeView } from '../src'
import { actor, actorEl, noState, project } from './fixtures'

const meta = {
  title: 'Renderer/Errors',
  component: TroupeView,
  args: { onEvent: fn(), state: noState },
} satisfies Meta<typeof TroupeView>
export default meta
type Story = StoryObj<typeof meta>

/** The broken actor sits between two good ones: only it shows an error. */
const between = (bad: ActorDefinition) =>
  project({
    root: actor(
      { container: { layout: 'flex', class: 'flex-col gap-2' } },
      { children: ['before', 'bad', 'after'] },
    ),
    before: actor({ tag: 'p', elements: ['before'] }),
    bad,
    after: actor({ tag: 'p', elements: ['after'] }),
  })

async function expectErrorFor(canvasElement: HTMLElement, ...texts: string[]) {
  const box = actorEl(canvasElement, 'bad')
  await expect(box).toHaveAttribute('role', 'alert')
  await expect(box).toHaveTextContent('“bad”')
  for (const text of texts) await expect(box).toHaveTextContent(text)
  await expect(actorEl(canvasElement, 'before')).toHaveTextContent('before')
  await expect(actorEl(canvasElement, 'after')).toHaveTextContent('after')
}

export const BadTag: Story = {
  args: {
    definition: between(
      actor({ tag: 'div', elements: [{ tag: 'script', elements: ['window.__pwned = 1'] }] }),
    ),
  },
  play: async ({ canvasElement }) => {
    await expectErrorFor(canvasElement, 'TRP-120', 'view.elements[0].tag')
    await expect(canvasElement.querySelector('script')).toBeNull()
    await expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  },
}

export const JavaScriptStringExpression: Story = {
  args: {
    definition: between(
      actor({ tag: 'span', elements: ['x'], bindings: { visible: "context.status === 'done'" } }),
    ),
  },
  play: async ({ canvasElement }) => {
    await expectErrorFor(canvasElement, 'TRP-123', 'view.bindings.visible', '$eq')
  },
}

export const UnsafeAttributeAndUrl: Story = {
  args: {
    definition: between(
      actor({
        tag: 'a',
        attributes: { href: 'javascript:alert(1)', onclick: 'alert(1)' },
        elements: ['click me'],
      }),
    ),
  },
  play: async ({ canvasElement }) => {
    await expectErrorFor(
      canvasElement,
      'TRP-122',
      'view.attributes.href',
      'TRP-121',
      'view.attributes.onclick',
    )
    await expect(canvasElement.querySelector('a')).toBeNull()
  },
}

export const FailingRender: Story = {
  args: {
    definition: between(
      actor(
        { tag: 'span', bindings: { text: { $div: [1, { $: 'context.count' }] } } },
        { context: { count: 'many' } },
      ),
    ),
  },
  play: async ({ canvasElement }) => {
    await expectErrorFor(canvasElement, 'TRP-128', 'view.bindings.text')
  },
}

export const MissingChild: Story = {
  args: {
    definition: project({
      root: actor(
        { container: { layout: 'flex', class: 'gap-2' } },
        { children: ['ghost', 'after'] },
      ),
      after: actor({ tag: 'p', elements: ['after'] }),
    }),
  },
  play: async ({ canvasElement }) => {
    await expect(actorEl(canvasElement, 'ghost')).toHaveTextContent('TRP-110')
    await expect(actorEl(canvasElement, 'after')).toHaveTextContent('after')
  },
}

export const PlacementOfNonChild: Story = {
  args: {
    definition: project({
      root: actor({
        container: { layout: 'flex', class: 'flex-col' },
        children: [
          { slot: 'x', actor: 'stranger' },
          { slot: 'y', leaf: { tag: 'p', elements: ['still rendering'] } },
        ],
      }),
      stranger: actor({ tag: 'span', elements: ['stranger'] }),
    }),
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('view.children[0].actor')
    await expect(canvasElement.querySelector('[data-actor-id="stranger"]')).toBeNull()
    await expect(canvas.getByText('still rendering')).toBeVisible()
  },
}
