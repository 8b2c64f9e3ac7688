import type { ActorDefinition } from '@troupe/core'

/**
 * Multi-actor templates: a few actors already linked (children, subscriptions, dependencies)
 * that show a pattern working. Ids here are local to the template; adding it gives every actor
 * a new id and follows the links (the same path as a paste), and its top actor becomes a child
 * of the selected container or the root.
 */
export interface ActorTemplate {
  kind: string
  label: string
  description: string
  create(): { root: string; actors: Record<string, ActorDefinition> }
}

const actor = (def: Partial<ActorDefinition> & Pick<ActorDefinition, 'role' | 'view'>) => ({
  context: { visible: true },
  subscriptions: [],
  children: [],
  dependencies: {},
  ...def,
})

export const actorTemplates: ActorTemplate[] = [
  {
    kind: 'input-form',
    label: 'Form',
    description: 'Input form: a text field and a Send button; submitting shows the text',
    create: () => ({
      root: 'form',
      actors: {
        form: actor({
          role: 'form',
          context: { visible: true, submitted: '' },
          view: {
            container: { layout: 'flex', tag: 'form', class: 'flex flex-wrap items-center gap-2' },
            children: [
              { slot: 'field', actor: 'field' },
              { slot: 'send', actor: 'send' },
              {
                slot: 'result',
                leaf: {
                  tag: 'p',
                  classes: 'w-full text-sm',
                  bindings: { text: 'context.submitted' },
                },
              },
            ],
            // The field is a dependency, so the form's submit can read what was typed.
            events: {
              submit: {
                event: '@input/updateContext',
                payload: { submitted: 'dependencies.field.context.value' },
              },
            },
          },
          subscriptions: ['form'],
          children: ['field', 'send'],
          dependencies: { field: 'field' },
        }),
        field: actor({
          role: 'field',
          context: { visible: true, value: '' },
          view: {
            tag: 'input',
            classes: 'rounded border px-2 py-1',
            attributes: { placeholder: 'Type and press Send' },
            bindings: { value: 'context.value' },
            events: { input: { event: '@input/updateContext' } },
          },
          subscriptions: ['field'],
        }),
        send: actor({
          role: 'send',
          view: {
            tag: 'button',
            classes: 'rounded bg-blue-600 px-3 py-1 text-white',
            attributes: { type: 'submit' },
            elements: ['Send'],
          },
          subscriptions: ['send'],
        }),
      },
    }),
  },
  {
    kind: 'view-switcher',
    label: 'View switcher',
    description: 'Two buttons that swap which of two views is shown',
    create: () => ({
      root: 'switcherBox',
      actors: {
        switcherBox: actor({
          role: 'switcherBox',
          view: { container: { layout: 'flex', class: 'flex flex-col gap-2' } },
          subscriptions: ['switcherBox'],
          children: ['switcher', 'content'],
        }),
        switcher: actor({
          role: 'viewSwitcher',
          view: {
            container: { layout: 'flex', class: 'flex gap-2' },
            children: ['first', 'second'].map((mode) => ({
              slot: mode,
              leaf: {
                tag: 'button',
                classes: 'rounded border px-3 py-1',
                bindings: {
                  class: {
                    $if: {
                      test: { $eq: [{ $: 'dependencies.content.context.viewMode' }, mode] },
                      // biome-ignore lint/suspicious/noThenProperty: the $if operator's branch
                      then: 'bg-blue-600 text-white',
                      else: '',
                    },
                  },
                },
                elements: [mode === 'first' ? 'First view' : 'Second view'],
                events: { click: { event: '@view/swapActors', payload: { viewMode: mode } } },
              },
            })),
          },
          // Its clicks go to the content actor, which swaps its child.
          subscriptions: ['content'],
          dependencies: { content: 'content' },
        }),
        content: actor({
          role: 'content',
          context: {
            visible: true,
            viewMode: 'first',
            viewActors: { first: 'firstView', second: 'secondView' },
          },
          view: { container: { layout: 'content' } },
          subscriptions: ['content'],
          children: ['firstView'],
        }),
        firstView: actor({
          role: 'firstView',
          view: { tag: 'p', elements: ['This is the first view'] },
          subscriptions: ['firstView'],
        }),
        secondView: actor({
          role: 'secondView',
          view: { tag: 'p', elements: ['This is the second view'] },
          subscriptions: ['secondView'],
        }),
      },
    }),
  },
]

export function findTemplate(kind: string): ActorTemplate | undefined {
  return actorTemplates.find((t) => t.kind === kind)
}
