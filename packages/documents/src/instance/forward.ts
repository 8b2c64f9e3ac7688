import { getHeads, view } from '@automerge/automerge'
import type { DocHandle } from '@automerge/automerge-repo'
import type { InstanceState, JsonObject } from '@troupe/core'
import { migrateHandle } from '../repo/migrate-handle'
import { sameHeads } from '../repo/same-heads'
import type { InstanceDoc } from '../schema/instance'
import { instanceMigrations } from '../schema/instance-migrations'
import { deepEqual, writeJson } from '../write-json'
import { writeEntity } from './entity-store'
import { appendLog, instanceState, readLog } from './state'

/**
 * Forwarding late writes (see epochs.ts): an epoch can gain writes after it was rotated, from
 * a peer that raised events into it before it heard of the rotation, or because it lost a
 * concurrent rotation. Those messages were processed exactly once, where they were raised;
 * forwarding copies their outcome, never runs them again: the state they changed (as values,
 * from a diff of the epoch's state before and after them) and their log entries (by message
 * id, skipping any the target already holds), in one change of the target that also records
 * how far the target now holds this epoch (`included`). Forwarding the same writes again, by
 * another peer at the same time, writes the same values; history reads drop a log entry whose
 * message id came before.
 *
 * `previous` is the epoch `epoch` was started from, needed only when the target holds nothing
 * of `epoch` yet (a lost rotation): then the writes are everything since `epoch` began, whose
 * starting state is its previous epoch's state at the fork.
 */
export function forwardLateWrites(
  epoch: DocHandle<InstanceDoc>,
  target: DocHandle<InstanceDoc>,
  previous?: DocHandle<InstanceDoc>,
): boolean {
  if (epoch === target || epoch.url === target.url) return false
  const doc = epoch.doc()
  const now = getHeads(doc)
  const held = target.doc().included?.[epoch.url]
  if (held && sameHeads(held, now)) return false
  const before = baseOf(doc, held, previous)
  if (!before) return false
  const writes = stateWrites(before.state, instanceState(doc))
  const known = new Set(before.ids)
  for (const entry of readLog(target.doc())) known.add(entry.message.id)
  // The epoch itself may hold two copies of a forwarded entry (two peers forwarded at once).
  const entries = readLog(doc).filter((entry) => {
    if (known.has(entry.message.id)) return false
    known.add(entry.message.id)
    return true
  })
  // Nothing to carry (the change was a pointer, or these writes were forwarded already).
  if (!writes.length && !entries.length) return false
  // The writes use the current shape (entity buckets).
  migrateHandle(target, instanceMigrations)
  target.change((d) => {
    for (const write of writes) {
      if ('entity' in write) writeEntity(d.entities, write.schema, write.entity, write.value)
      else writeAt(d, write.path, write.value)
    }
    appendLog(d, entries)
    d.included ??= {}
    d.included[epoch.url] = [...now]
  })
  return true
}

interface Base {
  state: InstanceState
  ids: string[]
}

function baseOf(
  doc: InstanceDoc,
  held: readonly string[] | undefined,
  previous: DocHandle<InstanceDoc> | undefined,
): Base | undefined {
  if (held) {
    // Heads another peer forwarded up to that this peer has not received yet: wait for them.
    const at = viewAt(doc, held)
    if (!at) return undefined
    return { state: instanceState(at), ids: readLog(at).map((entry) => entry.message.id) }
  }
  // Nothing of this epoch is in the target yet: its writes start where it was forked.
  if (!doc.previous || previous?.url !== doc.previous.url) return undefined
  return { state: instanceState(view(previous.doc(), [...doc.previous.heads])), ids: [] }
}

function viewAt(doc: InstanceDoc, heads: readonly string[]): InstanceDoc | undefined {
  try {
    return view(doc, [...heads])
  } catch {
    return undefined
  }
}

/**
 * A value written at a path of the document (an actor's context key or children), or an
 * entity's value, which the document keeps in its schema's bucket (writeEntity).
 */
type Write =
  | { path: string[]; value: unknown }
  | { schema: string; entity: string; value: JsonObject | undefined }

/** The writes that turn `from` into `to`: per context key, per children list, per entity. */
function stateWrites(from: InstanceState, to: InstanceState): Write[] {
  const writes: Write[] = []
  for (const id of keysOf(from.actors, to.actors)) {
    const a = from.actors[id]
    const b = to.actors[id]
    for (const key of keysOf(a?.context, b?.context)) {
      const value = b?.context?.[key]
      if (!deepEqual(a?.context?.[key], value))
        writes.push({ path: ['actors', id, 'context', key], value })
    }
    if (!deepEqual(a?.children, b?.children))
      writes.push({ path: ['actors', id, 'children'], value: b?.children })
  }
  for (const schema of keysOf(from.entities, to.entities)) {
    const a = from.entities[schema]
    const b = to.entities[schema]
    for (const id of keysOf(a, b)) {
      if (!deepEqual(a?.[id], b?.[id])) writes.push({ schema, entity: id, value: b?.[id] })
    }
  }
  return writes
}

function keysOf(...objects: (object | undefined)[]): string[] {
  const keys = new Set<string>()
  for (const object of objects) for (const key of Object.keys(object ?? {})) keys.add(key)
  return [...keys]
}

/** Writes `value` at `path`, making the maps on the way that the target does not have yet. */
function writeAt(doc: InstanceDoc, path: string[], value: unknown): void {
  let parent = doc as unknown as Record<string, unknown>
  for (const key of path.slice(0, -1)) {
    if (typeof parent[key] !== 'object' || parent[key] === null) {
      if (value === undefined) return
      parent[key] = {}
    }
    parent = parent[key] as Record<string, unknown>
  }
  writeJson(parent, path[path.length - 1]!, value)
}
