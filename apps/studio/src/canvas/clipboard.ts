import type { ActorDefinition, JsonObject, ProjectFile, View } from '@troupe/core'
import type { ActorEntry, ActorInsert, ProjectDoc } from '@troupe/documents'
import type { XY } from '../session/store'

/**
 * Copy and paste of actors as a project file (`troupe: 1`), so a copied selection can be
 * pasted into another project, another studio, or a text editor and back. The file holds the
 * selected actors only: links and dependencies to actors outside the selection are dropped
 * (a view's `{ slot, actor }` placement of an outside child too), links inside it are kept.
 * Canvas positions ride along in an extra top-level `positions` key, which project-file
 * validation ignores, so pasted actors keep their arrangement.
 */
export type ClipboardFile = ProjectFile & { positions?: Record<string, XY> }

export function copyActors(doc: ProjectDoc, ids: readonly string[]): ClipboardFile | null {
  const chosen = new Set(ids.filter((id) => doc.actors[id]))
  if (!chosen.size) return null
  const actors: ProjectFile['actors'] = {}
  const positions: Record<string, XY> = {}
  for (const id of chosen) {
    const entry = plainEntry(doc.actors[id]!)
    const { position, ...definition } = entry
    definition.children = definition.children.filter((c) => chosen.has(c))
    definition.subscriptions = definition.subscriptions.filter((s) => chosen.has(s))
    definition.dependencies = Object.fromEntries(
      Object.entries(definition.dependencies).filter(([, target]) => chosen.has(target)),
    )
    definition.view = mapPlacements(definition.view, (actor) =>
      chosen.has(actor) ? actor : null,
    ) as View
    actors[id] = definition
    positions[id] = { x: position.x, y: position.y }
  }
  const tops = topsOf(actors)
  return {
    troupe: 1,
    name: `Copied from ${doc.name}`,
    root: tops[0]!,
    actors,
    ...(Object.keys(doc.skills).length ? { skills: plain(doc.skills) } : {}),
    positions,
  }
}

/** Actors in `actors` that no other actor in it lists as a child, in key order. */
export function topsOf(actors: Record<string, Pick<ActorDefinition, 'children'>>): string[] {
  const childIds = new Set(Object.values(actors).flatMap((a) => a.children))
  return Object.keys(actors).filter((id) => !childIds.has(id))
}

export interface PasteOptions {
  /** Whether an id is already used in the target project. */
  taken(id: string): boolean
  /** A fresh id for an actor of this role (documents' newActorId). */
  newId(role: string, taken: (id: string) => boolean): string
  /** Where the top-left corner of the pasted group goes. */
  origin: XY
  /** The parent each top-level pasted actor is linked under (by its id in the file), or null. */
  parentFor(fileId: string): string | null
}

export interface PreparedPaste extends ActorInsert {
  /** File id → new id. */
  ids: Record<string, string>
}

/**
 * Turns a (validated) clipboard file into actors for the target project: every actor gets a
 * new id, and references among them (children, subscriptions, dependencies, view placements,
 * and the actor ids a view switcher keeps in `context.viewActors`) follow the new ids.
 */
export function preparePaste(file: ClipboardFile, options: PasteOptions): PreparedPaste {
  const ids: Record<string, string> = {}
  const assigned = new Set<string>()
  const taken = (id: string) => assigned.has(id) || options.taken(id)
  for (const [id, actor] of Object.entries(file.actors)) {
    const fresh = options.newId(actor.role, taken)
    ids[id] = fresh
    assigned.add(fresh)
  }
  const rename = (id: string) => ids[id] ?? null
  const boxed = arrange(file, options.origin)
  const actors: Record<string, ActorEntry> = {}
  for (const [id, source] of Object.entries(file.actors)) {
    const actor = structuredClone(source)
    actors[ids[id]!] = {
      role: actor.role,
      context: remapViewActors(actor.context, rename),
      view: mapPlacements(actor.view, rename) as View,
      subscriptions: actor.subscriptions.flatMap((s) => rename(s) ?? []),
      children: actor.children.flatMap((c) => rename(c) ?? []),
      dependencies: Object.fromEntries(
        Object.entries(actor.dependencies).flatMap(([name, target]) => {
          const renamed = rename(target)
          return renamed ? [[name, renamed]] : []
        }),
      ),
      position: boxed[id]!,
    }
  }
  // Actors a view switcher swaps in at run time have no parent in the definition; they stay
  // unlinked, as in the file, instead of all showing at once under the paste's parent.
  const swappedIn = new Set(
    Object.values(file.actors).flatMap((a) => {
      const viewActors = a.context.viewActors
      return typeof viewActors === 'object' && viewActors !== null && !Array.isArray(viewActors)
        ? Object.values(viewActors).filter((v): v is string => typeof v === 'string')
        : []
    }),
  )
  const links = topsOf(file.actors)
    .filter((top) => !swappedIn.has(top))
    .flatMap((top) => {
      const parentId = options.parentFor(top)
      return parentId ? [{ parentId, childId: ids[top]! }] : []
    })
  return { actors, links, ids }
}

/**
 * Positions for the pasted actors: the file's own, shifted so the group's top-left corner is
 * at `origin`. Actors without one (a template, a hand-written file) are laid out as trees
 * below it: one row per depth, siblings side by side.
 */
function arrange(file: ClipboardFile, origin: XY): Record<string, XY> {
  const given = file.positions ?? {}
  const known = Object.keys(file.actors).filter((id) => isXY(given[id]))
  const minX = known.length ? Math.min(...known.map((id) => given[id]!.x)) : 0
  const minY = known.length ? Math.min(...known.map((id) => given[id]!.y)) : 0
  const below = known.length ? Math.max(...known.map((id) => given[id]!.y)) - minY + 140 : 0
  const result: Record<string, XY> = {}
  for (const id of known) {
    const at = given[id]!
    result[id] = { x: Math.round(origin.x + at.x - minX), y: Math.round(origin.y + at.y - minY) }
  }
  const columns: number[] = []
  const placeTrees = (starts: string[]) => {
    const queue: [string, number][] = starts.map((id) => [id, 0])
    while (queue.length) {
      const [id, depth] = queue.shift()!
      if (result[id] || !file.actors[id]) continue
      const column = columns[depth] ?? 0
      columns[depth] = column + 1
      result[id] = {
        x: Math.round(origin.x + column * 220),
        y: Math.round(origin.y + below + depth * 130),
      }
      for (const child of file.actors[id].children) queue.push([child, depth + 1])
    }
  }
  placeTrees(topsOf(file.actors))
  // Whatever no tree reached (a file with a cycle is refused before this, so: nothing).
  placeTrees(Object.keys(file.actors))
  return result
}

function isXY(value: unknown): value is XY {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isFinite((value as XY).x) &&
    Number.isFinite((value as XY).y)
  )
}

/** Renames (or, for null, drops) `{ slot, actor }` placement entries at any depth of a view. */
export function mapPlacements(node: unknown, rename: (id: string) => string | null): unknown {
  if (Array.isArray(node)) {
    return node.flatMap((entry) => {
      if (isPlacement(entry)) {
        const renamed = rename(entry.actor)
        return renamed ? [{ ...entry, actor: renamed }] : []
      }
      return [mapPlacements(entry, rename)]
    })
  }
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapPlacements(v, rename)]))
  }
  return node
}

function isPlacement(entry: unknown): entry is { slot: unknown; actor: string } {
  return (
    typeof entry === 'object' &&
    entry !== null &&
    'slot' in entry &&
    typeof (entry as { actor?: unknown }).actor === 'string'
  )
}

function remapViewActors(context: JsonObject, rename: (id: string) => string | null): JsonObject {
  const viewActors = context.viewActors
  if (typeof viewActors !== 'object' || viewActors === null || Array.isArray(viewActors)) {
    return context
  }
  const remapped = Object.fromEntries(
    Object.entries(viewActors).map(([mode, id]) => [
      mode,
      typeof id === 'string' ? (rename(id) ?? id) : id,
    ]),
  )
  return { ...context, viewActors: remapped }
}

/** Automerge snapshots are proxies; JSON round-trips give plain, cloneable data. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

function plainEntry(entry: ActorEntry): ActorEntry {
  return plain(entry)
}
