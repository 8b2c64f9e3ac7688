import type { ProjectDoc } from '@troupe/documents'
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api'
import type { XY } from '../session/store'
import { nodeFootprint } from './nodeSize'

export interface Size {
  width: number
  height: number
}

// ELK is 1.6 MB of script that runs when loaded: it is loaded on the first auto-layout, not
// with the studio, so opening a project does not wait for it.
let elk: Promise<ELK> | undefined
const loadElk = () => {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk())
  return elk
}

/**
 * New positions for every actor, from ELK's layered algorithm: parents above their children
 * (child links weigh most, so trees read top-down in their order) and senders above
 * receivers where message flow allows (cycles are broken by ELK). The result keeps the
 * drawing's top-left corner where it was, so the canvas does not jump away.
 */
export async function computeLayout(
  doc: ProjectDoc,
  sizeOf: (id: string) => Size | undefined,
): Promise<Record<string, XY>> {
  const ids = Object.keys(doc.actors)
  const edges: ElkExtendedEdge[] = []
  for (const [from, actor] of Object.entries(doc.actors)) {
    actor.children.forEach((child, index) => {
      if (!doc.actors[child]) return
      edges.push({
        id: `c${edges.length}`,
        sources: [from],
        targets: [child],
        layoutOptions: {
          'elk.layered.priority.direction': '10',
          'elk.layered.priority.shortness': '10',
          // Keeps siblings in their children order from left to right.
          'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
          'elk.priority': String(100 - Math.min(index, 99)),
        },
      })
    })
    for (const to of actor.subscriptions) {
      if (to === from || !doc.actors[to]) continue
      edges.push({ id: `s${edges.length}`, sources: [from], targets: [to] })
    }
  }
  const graph: ElkNode = {
    id: 'project',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '72',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.separateConnectedComponents': 'true',
    },
    children: ids.map((id) => ({ id, ...(sizeOf(id) ?? nodeFootprint) })),
    edges,
  }
  const laid = await (await loadElk()).layout(graph)
  const minX = Math.min(...ids.map((id) => doc.actors[id]!.position.x))
  const minY = Math.min(...ids.map((id) => doc.actors[id]!.position.y))
  const positions: Record<string, XY> = {}
  for (const node of laid.children ?? []) {
    positions[node.id] = {
      x: Math.round(minX + (node.x ?? 0)),
      y: Math.round(minY + (node.y ?? 0)),
    }
  }
  return positions
}
