import type { ProjectFile } from '../src/index'

/** A small valid project: a root with a todo list child that handles its own events. */
export function todoProject(): ProjectFile {
  return {
    troupe: 1,
    name: 'Todos',
    root: 'root',
    actors: {
      root: {
        role: 'root',
        context: { visible: true },
        view: { container: { layout: 'flex' }, children: [{ slot: 'list', actor: 'list' }] },
        subscriptions: ['root'],
        children: ['list'],
        dependencies: {},
      },
      list: {
        role: 'list',
        context: { newTodoText: '', queries: { todos: { schemaName: 'Todo', items: [] } } },
        view: {
          container: { layout: 'flex', class: 'flex-col' },
          children: [
            {
              slot: 'input',
              leaf: {
                tag: 'input',
                attributes: { placeholder: 'What next?' },
                bindings: { value: 'context.newTodoText' },
                events: { input: { event: '@input/updateContext' } },
              },
            },
            {
              slot: 'items',
              composite: {
                container: { layout: 'flex' },
                foreach: {
                  items: 'context.queries.todos.items',
                  key: 'id',
                  leaf: {
                    tag: 'a',
                    attributes: { href: '/todo' },
                    bindings: {
                      text: 'item.text',
                      class: { $if: { test: { $: 'item.done' }, else: '' } },
                    },
                    events: { click: { event: '@entity/deleteEntity', payload: 'item.id' } },
                  },
                },
              },
            },
          ],
        },
        subscriptions: ['list'],
        children: [],
        dependencies: { parent: 'root' },
      },
    },
    skills: {
      ADD_TODO: {
        when: { $neq: [{ $: 'payload.text' }, ''] },
        steps: [
          {
            skill: '@entity/createEntity',
            payload: { schemaName: 'Todo', entityData: { text: 'payload.text' } },
          },
        ],
      },
    },
    entities: { Todo: [{ id: 't1', text: 'milk' }, { text: 'eggs' }] },
  }
}
