import type { ActorDefinition } from '@troupe/core'

/**
 * The kinds of actor the palette offers. Each is a starting definition: the builder edits its
 * view JSON afterwards. Subscriptions are filled in when the actor is added (itself first, as
 * the seed advises), children stay empty.
 */
export interface ActorKind {
  kind: string
  label: string
  description: string
  create(): Pick<ActorDefinition, 'role' | 'context' | 'view'>
}

export const actorKinds: ActorKind[] = [
  {
    kind: 'container',
    label: 'Container',
    description: 'A flex container that renders its child actors',
    create: () => ({
      role: 'container',
      context: { visible: true },
      view: { container: { layout: 'flex', class: 'flex flex-col gap-2 p-2' }, children: [] },
    }),
  },
  {
    kind: 'text',
    label: 'Text',
    description: 'A paragraph showing context.text',
    create: () => ({
      role: 'text',
      context: { visible: true, text: 'Hello from Troupe' },
      view: { tag: 'p', classes: 'text-base', bindings: { text: 'context.text' } },
    }),
  },
  {
    kind: 'button',
    label: 'Button',
    description: 'A button that counts its own clicks',
    create: () => ({
      role: 'button',
      context: { visible: true, label: 'Click me', clicks: 0 },
      view: {
        tag: 'button',
        classes: 'rounded bg-blue-600 px-3 py-1 text-white',
        bindings: { text: 'context.label' },
        events: {
          click: {
            event: '@input/updateContext',
            payload: { clicks: { $add: [{ $: 'context.clicks' }, 1] } },
          },
        },
      },
    }),
  },
  {
    kind: 'input',
    label: 'Input',
    description: 'A text field bound to context.value',
    create: () => ({
      role: 'input',
      context: { visible: true, value: '' },
      view: {
        tag: 'input',
        classes: 'rounded border px-2 py-1',
        attributes: { placeholder: 'Type here' },
        bindings: { value: 'context.value' },
        events: { input: { event: '@input/updateContext' } },
      },
    }),
  },
  {
    kind: 'list',
    label: 'List (foreach)',
    description: 'A list that repeats one item view for each element of context.items',
    create: () => ({
      role: 'list',
      context: {
        visible: true,
        items: [
          { id: '1', text: 'First item' },
          { id: '2', text: 'Second item' },
        ],
      },
      view: {
        container: { layout: 'flex', tag: 'ul', class: 'flex flex-col gap-1 list-disc pl-6' },
        foreach: {
          items: 'context.items',
          key: 'id',
          leaf: { tag: 'li', bindings: { text: 'item.text' } },
        },
      },
    }),
  },
]

export function findKind(kind: string): ActorKind | undefined {
  return actorKinds.find((k) => k.kind === kind)
}

/** The drag-and-drop data type carrying a palette kind onto the canvas. */
export const paletteDragType = 'application/x-troupe-actor-kind'
