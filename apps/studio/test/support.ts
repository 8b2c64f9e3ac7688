import type { ActorDefinition } from '@troupe/core'
import type { ActorEntry, ProjectDoc } from '@troupe/documents'

/** A plain project document for pure-logic tests (the shape Automerge snapshots have). */
export function projectDoc(
  actors: Record<string, Partial<ActorDefinition> & { position?: { x: number; y: number } }>,
  root = 'root',
): ProjectDoc {
  const entries: Record<string, ActorEntry> = {}
  for (const [id, actor] of Object.entries(actors)) {
    entries[id] = {
      role: id,
      context: { visible: true },
      view: { tag: 'p', elements: [id] },
      subscriptions: [],
      children: [],
      dependencies: {},
      position: { x: 0, y: 0 },
      ...actor,
    }
  }
  return {
    type: 'troupe/project',
    version: 1,
    name: 'Test project',
    root,
    actors: entries,
    skills: {},
    settings: {},
    entities: {},
    instanceUrl: '',
  }
}

/** Ids like newActorId's, but counted, so tests can name them. */
export function countingIds() {
  let n = 0
  return (role: string, taken: (id: string) => boolean) => {
    for (;;) {
      const id = `${role}-${++n}`
      if (!taken(id)) return id
    }
  }
}
