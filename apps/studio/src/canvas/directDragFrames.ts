import type { XY } from '../session/store'

/** What React Flow draws that would have to follow a dragged node through its store. */
export interface FlowDrawing {
  /** The canvas is zoomed far out (every node mounted; React Flow draws no edge but selected ones). */
  far: boolean
  /** The edges React Flow itself draws (far out: the selected ones). */
  edges: readonly { source: string; target: string }[]
  /** React Flow's box around a multi-selection (it is drawn from its store's positions). */
  selectionBox: boolean
}

/**
 * Whether a drag's frames may move the dragged nodes' elements directly, leaving React Flow's
 * store as it was when the drag started. Far out, nothing React Flow draws from a node's place
 * moves with it (the far edge layer and the minimap follow the session's drag), unless it
 * draws a selected edge of a dragged node, or its box around a selection.
 */
export function canMoveDirectly(drawing: FlowDrawing, moving: ReadonlySet<string>): boolean {
  if (!drawing.far || drawing.selectionBox) return false
  return !drawing.edges.some((edge) => moving.has(edge.source) || moving.has(edge.target))
}

/** The transform React Flow's node wrapper gives a node at `at` (see its NodeWrapper). */
const nodeTransform = (at: XY): string => `translate(${at.x}px,${at.y}px)`

/**
 * A drag's frames, zoomed far out, written straight to the dragged nodes' elements.
 *
 * Handing React Flow the moved nodes on every frame (setNodes) made it copy its lookup of all
 * nodes and wake one store subscription per node, and React then walked every sibling of the
 * one node wrapper that changed: with 1,000 actors, a frame's median went from 11.3 to 8.7 ms
 * without it (`pnpm bench studio-canvas`). React Flow's drag does not read its store's
 * positions while it runs (it moves what it picked up when the drag started), so the frame
 * only has to show the move. When the drag ends its positions go to the document, and the
 * nodes built from it give React Flow's store the same places the elements already show.
 */
export class DirectDragFrames {
  /** The dragged nodes' elements, found once per drag. */
  private elements = new Map<string, HTMLElement>()

  constructor(private readonly host: () => HTMLElement | null) {}

  /** Moves each dragged node's element to its place; false (nothing written) when one is not mounted. */
  show(dragging: Readonly<Record<string, XY>>): boolean {
    const found: [HTMLElement, XY][] = []
    for (const [id, at] of Object.entries(dragging)) {
      const element = this.element(id)
      if (!element) return false
      found.push([element, at])
    }
    for (const [element, at] of found) element.style.transform = nodeTransform(at)
    return true
  }

  /**
   * The drag has ended; `places` are where the document now has the dragged actors (the drop,
   * rounded; or where they were, when the drop was refused). The elements moved directly show
   * exactly that: React Flow writes a node's place only when it differs from the one it last
   * wrote, which for a refused drop is the place it had before the drag.
   */
  end(places: Readonly<Record<string, XY>>): void {
    for (const [id, element] of this.elements) {
      const at = places[id]
      if (at) element.style.transform = nodeTransform(at)
    }
    this.elements.clear()
  }

  private element(id: string): HTMLElement | null {
    const known = this.elements.get(id)
    if (known?.isConnected) return known
    const found = this.host()?.querySelector<HTMLElement>(
      `.react-flow__node[data-id="${CSS.escape(id)}"]`,
    )
    if (found) this.elements.set(id, found)
    return found ?? null
  }
}
