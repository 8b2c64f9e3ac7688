import { TroupeValidationError } from '@troupe/core'
import {
  addActor,
  type DocHandle,
  type InstanceDoc,
  linkChild,
  moveChild,
  type ProjectDoc,
  projectDefinition,
  raiseEvent,
  raiseEvents,
  removeActors,
  setActorContext,
  setActorPosition,
  setActorView,
  subscribe,
  unlinkChild,
  unsubscribe,
} from '@troupe/documents'
import { container, leaf, placing } from './project'
import type { Random } from './random'

export interface FuzzPeer {
  name: string
  project: DocHandle<ProjectDoc>
  instance: DocHandle<InstanceDoc>
}

/** What the fuzz raised: the id of every message a peer logged, to find in the merged log. */
export interface Raised {
  messageIds: Set<string>
  next: number
}

const edits = {
  addActor: 6,
  linkChild: 6,
  unlinkChild: 2,
  moveChild: 3,
  subscribe: 4,
  unsubscribe: 2,
  removeActors: 2,
  setActorView: 6,
  setActorContext: 2,
  setActorPosition: 2,
  tick: 6,
  setNumber: 4,
  burst: 2,
}
export type EditKind = keyof typeof edits

/**
 * Applies one random edit on `peer` through the documents package's functions (the same the
 * studio and the preview call). Returns its kind and whether the documents layer refused it
 * (a TroupeValidationError: a cycle, a second parent, a missing actor, all expected under
 * concurrency); any other error is a bug and propagates.
 */
export function randomEdit(
  peer: FuzzPeer,
  random: Random,
  raised: Raised,
): { kind: EditKind; refused: boolean } {
  const kind = random.weighted(edits)
  const doc = peer.project.doc()
  const ids = Object.keys(doc.actors).sort()
  const any = () => random.pick(ids) as string
  const nonRoot = ids.filter((id) => id !== doc.root)
  try {
    switch (kind) {
      case 'addActor': {
        const role = random.pick(['card', 'label', 'box'] as const) as string
        const id = addActor(
          peer.project,
          {
            role,
            context: {},
            view: random.chance(0.5) ? container('flex') : leaf(role),
            subscriptions: [],
            children: [],
            dependencies: {},
          },
          { x: random.int(800), y: random.int(600) },
        )
        if (random.chance(0.7)) linkChild(peer.project, any(), id)
        break
      }
      case 'linkChild':
        linkChild(peer.project, any(), any(), random.chance(0.5) ? 0 : undefined)
        break
      case 'unlinkChild': {
        const parent = random.pick(ids.filter((id) => doc.actors[id]?.children.length))
        if (parent)
          unlinkChild(
            peer.project,
            parent,
            random.pick(doc.actors[parent]?.children ?? []) as string,
          )
        break
      }
      case 'moveChild': {
        const parent = random.pick(ids.filter((id) => (doc.actors[id]?.children.length ?? 0) > 1))
        const child = parent && random.pick(doc.actors[parent]?.children ?? [])
        if (parent && child) moveChild(peer.project, parent, child, random.int(4))
        break
      }
      case 'subscribe':
        subscribe(peer.project, any(), any())
        break
      case 'unsubscribe': {
        const from = any()
        const to = random.pick(doc.actors[from]?.subscriptions ?? [])
        if (to) unsubscribe(peer.project, from, to)
        break
      }
      case 'removeActors':
        if (nonRoot.length > 3) {
          removeActors(peer.project, [
            ...new Set([random.pick(nonRoot), random.pick(nonRoot)]),
          ] as string[])
        }
        break
      case 'setActorView': {
        const id = any()
        const text = `text ${random.int(100)}`
        const placed = random.pick(doc.actors[id]?.children ?? [])
        setActorView(
          peer.project,
          id,
          placed && random.chance(0.4)
            ? placing(placed)
            : random.chance(0.5)
              ? leaf(text, random.pick(['sm', 'lg']) as string)
              : container(random.pick(['flex', 'grid'] as const) ?? 'flex', random.int(8)),
        )
        break
      }
      case 'setActorContext':
        setActorContext(peer.project, any(), { label: `initial ${random.int(10)}` })
        break
      case 'setActorPosition':
        setActorPosition(peer.project, any(), { x: random.int(800), y: random.int(600) })
        break
      case 'tick':
      case 'burst': {
        const definition = projectDefinition(peer.project.doc())
        const count = kind === 'burst' ? 2 + random.int(3) : 1
        const events = Array.from({ length: count }, () => {
          const by = `${peer.name}-${raised.next++}`
          return {
            from: any(),
            event: '@entity/createEntity',
            payload: { schemaName: 'ticks', entityData: { by } },
          }
        })
        const results =
          kind === 'tick'
            ? [raiseEvent(peer.instance, definition, events[0] as (typeof events)[0])]
            : raiseEvents(peer.instance, definition, events)
        for (const entry of results.flatMap((result) => result.log))
          raised.messageIds.add(entry.message.id)
        break
      }
      case 'setNumber': {
        const result = raiseEvent(peer.instance, projectDefinition(peer.project.doc()), {
          from: any(),
          event: '@input/updateContext',
          payload: { n: random.int(1000) },
        })
        for (const entry of result.log) raised.messageIds.add(entry.message.id)
        break
      }
    }
    return { kind, refused: false }
  } catch (error) {
    if (error instanceof TroupeValidationError) return { kind, refused: true }
    throw new Error(`${kind} on ${peer.name} threw: ${(error as Error).stack}`)
  }
}
