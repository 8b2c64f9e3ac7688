import type { ActorDefinition, ProjectFile, View } from '@troupe/core'

/** The project every fuzz run starts from: a root container, a nested container, two leaves. */
export const fuzzProject: ProjectFile = {
  troupe: 1,
  name: 'Fuzz',
  root: 'app',
  actors: {
    app: actor('app', 'root', container('grid'), ['box', 'label']),
    box: actor('box', 'box', container('flex'), ['note']),
    label: actor('label', 'label', leaf('label')),
    note: actor('note', 'note', leaf('note')),
  },
  entities: { ticks: [] },
}

function actor(id: string, role: string, view: View, children: string[] = []): ActorDefinition {
  // Each actor handles its own events (as addActor sets up), so a raised event is logged.
  return { role, context: {}, view, subscriptions: [id], children, dependencies: {} }
}

export function container(layout: 'flex' | 'grid', gap = 2): View {
  return { container: { layout, class: `gap-${gap}` } } as View
}

export function leaf(text: string, size = 'sm'): View {
  return { tag: 'p', classes: `text-${size}`, elements: [text] } as View
}

/** A container that places one of its children in a named slot (`{ slot, actor }`). */
export function placing(child: string): View {
  return { container: { layout: 'flex' }, children: [{ slot: 'main', actor: child }] } as View
}
