import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn } from 'storybook/test'
import { TroupeView } from '../src'
import { actor, actorEl, noState, project } from './fixtures'

const meta = {
  title: 'Renderer/Composites',
  component: TroupeView,
  args: { onEvent: fn(), state: noState },
} satisfies Meta<typeof TroupeView>
export default meta
type Story = StoryObj<typeof meta>

const cell = (text: string) => ({
  slot: text,
  leaf: { tag: 'div', classes: 'cell', elements: [text] },
})

export const GridLayout: Story = {
  args: {
    definition: project({
      root: actor({
        container: {
          layout: 'grid',
          class: 'grid-cols-2 gap-2',
          tag: 'section',
          attributes: { 'aria-label': 'Grid' },
        },
        children: [cell('A'), cell('B'), cell('C'), cell('D')],
      }),
    }),
  },
  play: async ({ canvas }) => {
    const grid = canvas.getByRole('region', { name: 'Grid' })
    await expect(grid).toHaveClass('grid', 'grid-cols-2', 'gap-2')
    await expect([...grid.children].map((c) => c.textContent)).toEqual(['A', 'B', 'C', 'D'])
  },
}

export const FlexLayout: Story = {
  args: {
    definition: project({
      root: actor({
        container: { layout: 'flex', class: 'flex-row gap-4', tag: 'header' },
        children: [cell('left'), cell('right')],
      }),
    }),
  },
  play: async ({ canvas }) => {
    const header = canvas.getByRole('banner')
    await expect(header).toHaveClass('flex', 'flex-row')
    await expect(header).toHaveTextContent('leftright')
  },
}

export const ContentLayout: Story = {
  args: {
    definition: project({
      root: actor({
        container: { layout: 'content', class: 'prose', tag: 'main' },
        children: [{ slot: 'p', leaf: { tag: 'p', elements: ['Just content.'] } }],
      }),
    }),
  },
  play: async ({ canvas }) => {
    const main = canvas.getByRole('main')
    await expect(main.className).toBe('prose')
    await expect(main).toHaveTextContent('Just content.')
  },
}

export const Foreach: Story = {
  args: {
    definition: project({
      root: actor(
        {
          container: {
            layout: 'flex',
            class: 'flex-col',
            tag: 'ul',
            attributes: { 'aria-label': 'Todos' },
          },
          foreach: {
            items: 'context.queries.todos.items',
            key: 'id',
            leaf: {
              tag: 'li',
              bindings: {
                text: 'item.text',
                class: {
                  $if: {
                    test: { $eq: [{ $: 'item.status' }, 'done'] },
                    // biome-ignore lint/suspicious/noThenProperty: `$if` is the view format's operator
                    then: 'line-through',
                    else: '',
                  },
                },
              },
            },
          },
        },
        { context: { queries: { todos: { schemaName: 'todo', items: [] } } } },
      ),
    }),
    state: {
      actors: {},
      entities: {
        todo: {
          t1: { id: 't1', text: 'milk', status: 'done' },
          t2: { id: 't2', text: 'eggs', status: 'todo' },
          t3: { id: 't3', text: 'bread', status: 'todo' },
        },
      },
    },
  },
  play: async ({ canvas }) => {
    const items = canvas.getAllByRole('listitem')
    await expect(items.map((li) => li.textContent)).toEqual(['milk', 'eggs', 'bread'])
    await expect(items[0]).toHaveClass('line-through')
    await expect(items[1]).not.toHaveClass('line-through')
  },
}

export const NestedForeach: Story = {
  args: {
    definition: project({
      root: actor(
        {
          container: { layout: 'content' },
          foreach: {
            items: 'context.groups',
            key: 'name',
            composite: {
              container: { layout: 'flex', tag: 'section', class: 'gap-1' },
              children: [{ slot: 'name', leaf: { tag: 'h3', bindings: { text: 'item.name' } } }],
              foreach: {
                items: 'item.tags',
                leaf: { tag: 'span', classes: 'tag', bindings: { text: 'item' } },
              },
            },
          },
        },
        {
          context: {
            groups: [
              { name: 'Fruit', tags: ['apple', 'pear'] },
              { name: 'Veg', tags: ['leek'] },
            ],
          },
        },
      ),
    }),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('heading').map((h) => h.textContent)).toEqual(['Fruit', 'Veg'])
    await expect(canvas.getAllByText(/apple|pear|leek/).map((s) => s.textContent)).toEqual([
      'apple',
      'pear',
      'leek',
    ])
  },
}

export const ElementsWrapperWithChildrenSlot: Story = {
  args: {
    definition: project({
      root: actor(
        {
          container: { layout: 'flex', class: 'flex-col', tag: 'article' },
          elements: [
            { tag: 'header', classes: 'title-bar' },
            { tag: 'ul', classes: 'body', slot: 'children', attributes: { 'aria-label': 'Body' } },
            { tag: 'footer', classes: 'status-bar' },
          ],
          children: [{ slot: 'own', leaf: { tag: 'li', elements: ['own content'] } }],
        },
        { children: ['kid'] },
      ),
      kid: actor({ tag: 'li', elements: ['child actor'] }),
    }),
  },
  play: async ({ canvas, canvasElement }) => {
    const article = actorEl(canvasElement, 'root')
    await expect([...article.children].map((c) => c.tagName)).toEqual(['HEADER', 'UL', 'FOOTER'])
    const body = canvas.getByRole('list', { name: 'Body' })
    await expect([...body.children].map((c) => c.textContent)).toEqual([
      'own content',
      'child actor',
    ])
    await expect(actorEl(canvasElement, 'kid').parentElement).toBe(body)
  },
}

export const CompositeBindings: Story = {
  args: {
    definition: project({
      root: actor(
        {
          container: { layout: 'flex', class: 'gap-2' },
          children: [
            {
              slot: 'hidden',
              composite: {
                container: { layout: 'content', attributes: { id: 'hidden' } },
                bindings: { visible: 'context.showExtra' },
                children: [cell('extra')],
              },
            },
            {
              slot: 'locked',
              composite: {
                container: { layout: 'content', attributes: { id: 'locked' } },
                bindings: { disabled: 'context.locked' },
                children: [{ slot: 'b', leaf: { tag: 'button', elements: ['Locked'] } }],
              },
            },
          ],
        },
        { context: { showExtra: false, locked: true } },
      ),
    }),
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('#hidden')).toBeNull()
    const locked = canvasElement.querySelector<HTMLElement>('#locked')!
    await expect(locked.inert).toBe(true)
    await expect(locked).toHaveAttribute('aria-disabled', 'true')
  },
}
