import type { ActorDefinition, ProjectFile } from '@troupe/core'

/** The id of client `index`'s own actor in the benchmark projects. */
export const clientActor = (index: number) => `c${index}`

/**
 * A project of a root and `count` actors, each subscribed to itself, so an
 * `@input/updateContext` event raised from an actor is handled by that actor alone.
 */
export function benchProjectFile(name: string, count: number): ProjectFile {
  const actors: Record<string, ActorDefinition> = {}
  const ids = Array.from({ length: count }, (_, i) => clientActor(i))
  for (const id of ids) {
    actors[id] = {
      role: 'client',
      context: {},
      view: { tag: 'p', elements: ['context.stamp.seq'] },
      subscriptions: [id],
      children: [],
      dependencies: {},
    }
  }
  actors.root = {
    role: 'root',
    context: { visible: true },
    view: { container: { layout: 'flex', class: 'flex flex-col' } },
    subscriptions: ['root'],
    children: ids,
    dependencies: {},
  }
  return { troupe: 1, name, root: 'root', actors }
}
