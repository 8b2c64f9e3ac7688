import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn } from 'storybook/test'
import { TroupeView } from '../src'
import { actor, actorEl, noState, project } from './fixtures'

const meta = {
  title: 'Renderer/Actors',
  component: TroupeView,
  args: { onEvent: fn(), state: noState },
} satisfies Meta<typeof TroupeView>
export default meta
type Story = StoryObj<typeof meta>

const label = (text: string) => actor({ tag: 'span', classes: 'chip', elements: [text] })

export const ChildActorsInOrder: Story = {
  args: {
    definition: project({
      root: actor(
        {
          container: { layout: 'flex', class: 'gap-2' },
          children: [{ slot: 'title', leaf: { tag: 'h2', elements: ['Team'] } }],
        },
        { children: ['carol', 'alice', 'bob'] },
      ),
      alice: label('Alice'),
      bob: label('Bob'),
      carol: label('Carol'),
    }),
  },
  play: async ({ canvasElement }) => {
    const root = actorEl(canvasElement, 'root')
    await expect(
      [...root.children].map((c) => c.getAttribute('data-actor-id') ?? c.tagName),
    ).toEqual(['H2', 'carol', 'alice', 'bob'])
  },
}

export const ExplicitPlacement: Story = {
  args: {
    definition: project({
      root: actor(
        {
          container: { layout: 'flex', class: 'flex-col' },
          children: [
            {
              slot: 'toolbar',
              composite: {
                container: { layout: 'flex', tag: 'header', class: 'gap-2' },
                children: [{ slot: 'search', actor: 'search' }],
              },
            },
            { slot: 'body', leaf: { tag: 'p', elements: ['Body text'] } },
          ],
        },
        { children: ['list', 'search', 'footer'] },
      ),
      search: actor({ tag: 'input', attributes: { 'aria-label': 'Search' } }),
      list: label('List'),
      footer: label('Footer'),
    }),
  },
  play: async ({ canvas, canvasElement }) => {
    const search = canvas.getByRole('textbox', { name: 'Search' })
    await expect(search.parentElement).toBe(canvas.getByRole('banner'))
    await expect(canvasElement.querySelectorAll('[data-actor-id="search"]')).toHaveLength(1)
    const root = actorEl(canvasElement, 'root')
    await expect(
      [...root.children].map((c) => c.getAttribute('data-actor-id') ?? c.tagName),
    ).toEqual(['HEADER', 'P', 'list', 'footer'])
  },
}

export const VisibleFalse: Story = {
  args: {
    definition: project({
      root: actor({ container: { layout: 'flex' } }, { children: ['shown', 'hidden', 'toggled'] }),
      shown: label('Shown'),
      hidden: actor({ tag: 'span', elements: ['Hidden'] }, { context: { visible: false } }),
      toggled: actor({ tag: 'span', elements: ['Toggled'] }, { context: { visible: true } }),
    }),
    state: { actors: { toggled: { context: { visible: false } } }, entities: {} },
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('Shown')).toBeVisible()
    await expect(canvasElement.querySelector('[data-actor-id="hidden"]')).toBeNull()
    await expect(canvasElement.querySelector('[data-actor-id="toggled"]')).toBeNull()
  },
}

export const Dependencies: Story = {
  args: {
    definition: project({
      root: actor(
        { container: { layout: 'flex', class: 'gap-2' } },
        { children: ['switcher', 'content'] },
      ),
      switcher: actor(
        {
          tag: 'button',
          bindings: {
            text: { $concat: ['Showing ', { $: 'dependencies.content.context.viewMode' }] },
            class: { $concat: ['mode-', { $: 'dependencies.content.context.viewMode' }] },
          },
          events: {
            click: {
              event: '@view/swapActors',
              payload: { viewMode: 'dependencies.content.context.next' },
            },
          },
        },
        { dependencies: { content: 'content' } },
      ),
      content: actor(
        { tag: 'div', elements: ['content'] },
        { context: { viewMode: 'list', next: 'kanban' } },
      ),
    }),
  },
  play: async ({ canvas, args, userEvent }) => {
    const button = canvas.getByRole('button', { name: 'Showing list' })
    await expect(button).toHaveClass('mode-list')
    await userEvent.click(button)
    await expect(args.onEvent).toHaveBeenCalledWith({
      from: 'switcher',
      event: '@view/swapActors',
      payload: { viewMode: 'kanban' },
    })
  },
}
