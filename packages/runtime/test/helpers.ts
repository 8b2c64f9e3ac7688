import type { ActorDefinition, InstanceState, ProjectFile, View } from '@troupe/core'

/** Deterministic ids for assertions: prefix plus a zero-padded counter (sorts in order). */
export function counterIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}${String(++n).padStart(5, '0')}`
}

export const fixedClock = () => 1_000

const view: View = { tag: 'div' }

export function actor(partial: Partial<ActorDefinition> = {}): ActorDefinition {
  return {
    role: 'actor',
    context: {},
    view,
    subscriptions: [],
    children: [],
    dependencies: {},
    ...partial,
  }
}

export function project(
  actors: Record<string, ActorDefinition>,
  extra: Partial<ProjectFile> = {},
): ProjectFile {
  return { troupe: 1, name: 'test', root: Object.keys(actors)[0]!, actors, ...extra }
}

export function emptyState(): InstanceState {
  return { actors: {}, entities: {} }
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
