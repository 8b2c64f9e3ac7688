import type { ActorDefinition, ProjectFile } from '@troupe/core'

/**
 * The project `pnpm bench studio` opens: `count` actors and `2 × count` links. Actor 0 is the
 * root; every tenth actor is a container holding the next ten (a tree of child links, one
 * parent each, count − 1 links); every actor sends its events to one other actor, and the
 * root also to itself, as a new project's root does (count + 1 subscriptions). Half the leaves
 * are buttons raising an event, so node summaries list received types as in a real project.
 */
export interface BenchGraph {
  file: ProjectFile
  /** Canvas positions: a grid, so the whole graph fits the canvas at a readable zoom. */
  positions: Record<string, { x: number; y: number }>
  edgeCount: number
}

export const actorId = (index: number) => `a${index}`
/** The text the leaf with this index shows in the preview (edit-to-preview types after it). */
export const leafText = (index: number) => `Item ${index}`

const fanOut = 10
const column = 220
const row = 120

export function benchGraph(count: number): BenchGraph {
  const actors: Record<string, ActorDefinition> = {}
  const childrenOf = (index: number) => {
    const children: string[] = []
    for (let child = index * fanOut + 1; child <= index * fanOut + fanOut; child++) {
      if (child < count) children.push(actorId(child))
    }
    return children
  }
  let edgeCount = 0
  for (let index = 0; index < count; index++) {
    const children = childrenOf(index)
    const target = (index * 7 + 3) % count
    const subscriptions = [actorId(target === index ? (index + 1) % count : target)]
    if (index === 0) subscriptions.push(actorId(0))
    edgeCount += children.length + subscriptions.length
    actors[actorId(index)] = {
      role: index === 0 ? 'root' : `${children.length ? 'group' : 'item'}-${index}`,
      context: { visible: true },
      view: children.length ? containerView() : leafView(index),
      subscriptions,
      children,
      dependencies: {},
    }
  }
  const columns = Math.ceil(Math.sqrt(count * 2))
  const positions: BenchGraph['positions'] = {}
  for (let index = 0; index < count; index++) {
    positions[actorId(index)] = {
      x: (index % columns) * column,
      y: Math.floor(index / columns) * row,
    }
  }
  return {
    file: { troupe: 1, name: `Bench ${count}`, root: actorId(0), actors },
    positions,
    edgeCount,
  }
}

function containerView(): ActorDefinition['view'] {
  return { container: { layout: 'flex', class: 'flex flex-col gap-1 p-1' } }
}

function leafView(index: number): ActorDefinition['view'] {
  if (index % 2 === 0) return { tag: 'p', classes: 'text-sm', elements: [leafText(index)] }
  return {
    tag: 'button',
    classes: 'rounded border px-2',
    elements: [leafText(index)],
    events: { click: { event: '@input/updateContext', payload: { clicked: true } } },
  }
}
