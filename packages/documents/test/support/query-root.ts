import type { ProjectFile } from '@troupe/core'

/**
 * A project of one root actor that subscribes to itself and queries `schemaName`: the
 * smallest app whose events create entities the root sees.
 */
export function queryRootProject(schemaName: string): ProjectFile {
  return {
    troupe: 1,
    name: 'Notes',
    root: 'root',
    actors: {
      root: {
        role: 'root',
        context: { visible: true, queries: { [schemaName]: { schemaName, items: [] } } },
        view: { container: { layout: 'flex' } },
        subscriptions: ['root'],
        children: [],
        dependencies: {},
      },
    },
  }
}
