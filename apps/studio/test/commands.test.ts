import { validateProject } from '@troupe/core'
import { expect, test } from 'vitest'
import { type Command, filterCommands } from '../src/commands/commandList'
import { actorKinds } from '../src/palette/actorKinds'
import { actorTemplates } from '../src/palette/templates'

const command = (id: string, title: string, group: Command['group'] = 'Edit'): Command => ({
  id,
  title,
  group,
  run: () => {},
})

test('the command filter matches every word in title or group, keeping order', () => {
  const list = [
    command('a', 'Auto-layout the canvas', 'View'),
    command('b', 'Add Button', 'Add'),
    command('c', 'Duplicate selected actors'),
  ]
  expect(filterCommands(list, '').map((c) => c.id)).toEqual(['a', 'b', 'c'])
  expect(filterCommands(list, 'layout').map((c) => c.id)).toEqual(['a'])
  expect(filterCommands(list, 'add but').map((c) => c.id)).toEqual(['b'])
  expect(filterCommands(list, 'view canvas').map((c) => c.id)).toEqual(['a'])
  expect(filterCommands(list, 'nothing like this')).toEqual([])
})

test('every palette kind and template is a valid project on its own', () => {
  for (const kind of actorKinds) {
    const actor = { ...kind.create(), subscriptions: ['a'], children: [], dependencies: {} }
    const result = validateProject({ troupe: 1, name: kind.label, root: 'a', actors: { a: actor } })
    expect(result.ok ? [] : result.issues, kind.kind).toEqual([])
  }
  for (const template of actorTemplates) {
    const { root, actors } = template.create()
    const result = validateProject({ troupe: 1, name: template.label, root, actors })
    expect(result.ok ? [] : result.issues, template.kind).toEqual([])
    expect(Object.keys(actors).length, template.kind).toBeGreaterThan(1)
  }
})
