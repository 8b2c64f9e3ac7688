import type { ActorDefinition, InstanceState, ProjectDefinition, View } from '@troupe/core'

/** An actor definition with the defaults a story or a test does not care about. */
export function actor(view: View, rest: Partial<ActorDefinition> = {}): ActorDefinition {
  return {
    role: 'actor',
    context: {},
    subscriptions: [],
    children: [],
    dependencies: {},
    view,
    ...rest,
  }
}

export function project(actors: Record<string, ActorDefinition>, root = 'root'): ProjectDefinition {
  return { root, actors }
}

export const noState: InstanceState = { actors: {}, entities: {} }

/** The element of an actor, by the `data-actor-id` the renderer puts on its outer element. */
export function actorEl(canvasElement: HTMLElement, id: string): HTMLElement {
  const el = canvasElement.querySelector<HTMLElement>(`[data-actor-id="${id}"]`)
  if (!el) throw new Error(`no element for actor "${id}"`)
  return el
}
