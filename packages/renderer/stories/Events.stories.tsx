import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fireEvent, fn } from 'storybook/test'
import { TroupeView } from '../src'
import { actor, actorEl, noState, project } from './fixtures'

/** Every story's `onEvent` is a spy: the play function checks what the view raised. */
const meta = {
  title: 'Renderer/Events',
  component: TroupeView,
  args: { onEvent: fn(), state: noState },
} satisfies Meta<typeof TroupeView>
export default meta
type Story = StoryObj<typeof meta>

export const Click: Story = {
  args: {
    definition: project(
      {
        counter: actor(
          {
            tag: 'button',
            bindings: { text: { $concat: ['Taps: ', { $: 'context.taps' }] } },
            events: {
              click: { event: '@input/updateContext', payload: { taps: 7, from: 'context.name' } },
            },
          },
          { context: { taps: 0, name: 'counter' } },
        ),
      },
      'counter',
    ),
  },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Taps: 0' }))
    await expect(args.onEvent).toHaveBeenCalledWith({
      from: 'counter',
      event: '@input/updateContext',
      payload: { taps: 7, from: 'counter' },
    })
  },
}

export const InputWithValueBinding: Story = {
  args: {
    definition: project({
      root: actor(
        {
          tag: 'input',
          attributes: { 'aria-label': 'New todo' },
          bindings: { value: 'context.newTodoText' },
          events: { input: { event: '@input/updateContext' } },
        },
        { context: { newTodoText: '' } },
      ),
    }),
  },
  play: async ({ canvas, args, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'New todo' })
    await userEvent.type(input, 'milk')
    await expect(input).toHaveValue('milk')
    await expect(args.onEvent).toHaveBeenLastCalledWith({
      from: 'root',
      event: '@input/updateContext',
      payload: { newTodoText: 'milk' },
    })
  },
}

export const SubmitNeverReloads: Story = {
  args: {
    definition: project({
      root: actor(
        {
          tag: 'form',
          attributes: { 'aria-label': 'Add' },
          events: {
            submit: {
              event: '@entity/createEntity',
              payload: { schemaName: 'todo', entityData: { $: 'context.draft' } },
            },
          },
          elements: [{ tag: 'button', attributes: { type: 'submit' }, elements: ['Add'] }],
        },
        { context: { draft: { text: 'milk' } } },
      ),
    }),
  },
  play: async ({ canvas, args, userEvent }) => {
    let prevented = false
    document.addEventListener('submit', (e) => (prevented = e.defaultPrevented), { once: true })
    await userEvent.click(canvas.getByRole('button', { name: 'Add' }))
    await expect(prevented).toBe(true)
    await expect(args.onEvent).toHaveBeenCalledWith({
      from: 'root',
      event: '@entity/createEntity',
      payload: { schemaName: 'todo', entityData: { text: 'milk' } },
    })
  },
}

export const ChangeOnCommit: Story = {
  args: {
    definition: project({
      root: actor(
        {
          tag: 'div',
          elements: [
            {
              tag: 'select',
              attributes: { 'aria-label': 'Filter' },
              bindings: { value: 'context.filter' },
              events: { change: { event: '@input/updateContext' } },
              elements: [
                { tag: 'option', attributes: { value: 'all' }, elements: ['All'] },
                { tag: 'option', attributes: { value: 'done' }, elements: ['Done'] },
              ],
            },
            {
              tag: 'input',
              attributes: { type: 'checkbox', 'aria-label': 'Done' },
              bindings: { value: 'context.done' },
              events: { change: { event: '@input/updateContext' } },
            },
          ],
        },
        { context: { filter: 'all', done: false } },
      ),
    }),
  },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Filter' }), 'done')
    await expect(args.onEvent).toHaveBeenCalledWith({
      from: 'root',
      event: '@input/updateContext',
      payload: { filter: 'done' },
    })
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Done' }))
    await expect(args.onEvent).toHaveBeenCalledWith({
      from: 'root',
      event: '@input/updateContext',
      payload: { done: true },
    })
  },
}

export const KeysAndFocus: Story = {
  args: {
    definition: project({
      root: actor({
        tag: 'input',
        attributes: { 'aria-label': 'Keys' },
        events: {
          focus: { event: 'focused' },
          keydown: { event: 'keyDown' },
          keyup: { event: 'keyUp' },
          blur: { event: 'blurred' },
        },
      }),
    }),
  },
  play: async ({ canvas, args, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Keys' })
    await userEvent.click(input)
    await userEvent.keyboard('a')
    input.blur()
    const names = args.onEvent.mock.calls.map(([e]) => e.event)
    await expect(names).toEqual(['focused', 'keyDown', 'keyUp', 'blurred'])
  },
}

export const DragAndDrop: Story = {
  args: {
    definition: project({
      root: actor(
        {
          tag: 'div',
          elements: [
            {
              tag: 'span',
              attributes: { id: 'card', draggable: 'true' },
              elements: ['Card'],
              events: { dragstart: { event: 'dragCard', payload: { id: 'context.cardId' } } },
            },
            {
              tag: 'div',
              attributes: { id: 'lane' },
              elements: ['Lane'],
              events: { drop: { event: 'dropCard' } },
            },
          ],
        },
        { context: { cardId: 'c1' } },
      ),
    }),
  },
  play: async ({ canvasElement, args }) => {
    const root = actorEl(canvasElement, 'root')
    const dataTransfer = new DataTransfer()
    fireEvent.dragStart(root.querySelector('#card')!, { dataTransfer })
    fireEvent.dragOver(root.querySelector('#lane')!, { dataTransfer })
    fireEvent.drop(root.querySelector('#lane')!, { dataTransfer })
    await expect(args.onEvent.mock.calls.map(([e]) => e)).toEqual([
      { from: 'root', event: 'dragCard', payload: { id: 'c1' } },
      { from: 'root', event: 'dropCard', payload: {} },
    ])
  },
}

export const ItemPayloadInForeach: Story = {
  args: {
    definition: project(
      {
        list: actor(
          {
            container: { layout: 'flex', class: 'flex-col', tag: 'ul' },
            foreach: {
              items: 'context.queries.todos.items',
              key: 'id',
              composite: {
                container: { layout: 'flex', tag: 'li', class: 'gap-2' },
                children: [
                  { slot: 'text', leaf: { tag: 'span', bindings: { text: 'item.text' } } },
                  {
                    slot: 'delete',
                    leaf: {
                      tag: 'button',
                      attributes: { 'aria-label': 'Delete' },
                      elements: ['✕'],
                      events: {
                        click: { event: '@entity/deleteEntity', payload: { id: 'item.id' } },
                      },
                    },
                  },
                ],
              },
            },
          },
          { context: { queries: { todos: { schemaName: 'todo', items: [] } } } },
        ),
      },
      'list',
    ),
    state: {
      actors: {},
      entities: { todo: { a: { id: 'a', text: 'milk' }, b: { id: 'b', text: 'eggs' } } },
    },
  },
  play: async ({ canvas, args, userEvent }) => {
    const buttons = canvas.getAllByRole('button', { name: 'Delete' })
    await userEvent.click(buttons[1]!)
    await expect(args.onEvent).toHaveBeenCalledWith({
      from: 'list',
      event: '@entity/deleteEntity',
      payload: { id: 'b' },
    })
  },
}
