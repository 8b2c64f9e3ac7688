import type { Json, ProjectFile, RaisedEvent } from '@troupe/core'
import { actor, project } from './helpers'

/** Random projects and events for the seeded property tests (one generator, shared). */
export const actorIds = ['a', 'b', 'c']

export function randomProject(random: () => number): ProjectFile {
  const pick = () => actorIds.filter(() => random() < 0.5)
  const actors = Object.fromEntries(
    actorIds.map((id) => [
      id,
      actor({
        subscriptions: pick(),
        context: {
          n: 0,
          viewActors: { one: 'a', two: 'b' },
          queries: { t: { schemaName: 'T', items: [] } },
        },
      }),
    ]),
  )
  return project(actors, {
    skills: {
      BUMP: {
        steps: [
          { skill: '@input/updateContext', payload: { n: { $add: [{ $: 'context.n' }, 1] } } },
          {
            skill: '@actor/emit',
            payload: { event: '@ui/toggleVisible' },
            when: { $lt: [{ $: 'context.n' }, 3] },
          },
        ],
      },
    },
    entities: {
      T: [
        { id: 'e1', status: 'todo' },
        { id: 'e2', status: 'done' },
      ],
    },
    settings: { cascadeLimit: 20 },
  })
}

export function randomEvent(random: () => number): RaisedEvent {
  const from = actorIds[Math.floor(random() * actorIds.length)]!
  const id = ['e1', 'e2', 'e3', 'missing'][Math.floor(random() * 4)]!
  const events: [string, Json][] = [
    ['@input/updateContext', { k: Math.floor(random() * 5), n: Math.floor(random() * 3) }],
    ['@entity/createEntity', { entityData: { id: 'e3', status: 'new' } }],
    ['@entity/updateEntity', { id, status: 'x' }],
    ['@entity/deleteEntity', { id }],
    ['@entity/toggleStatus', { id, value1: 'done', value2: 'todo' }],
    ['@entity/clearEntities', { schemaName: 'T' }],
    ['@view/swapActors', { viewMode: random() < 0.5 ? 'one' : 'three' }],
    ['@ui/updateInput', { fieldPath: 'context.form.field', value: random() }],
    ['@ui/toggleVisible', {}],
    ['BUMP', {}],
    ['UNKNOWN', {}],
  ]
  const [event, payload] = events[Math.floor(random() * events.length)]!
  return { from, event, payload }
}
