import {
  type InstanceState,
  jsonSchema,
  type ProjectDefinition,
  type RaisedEvent,
  stripUnsafeKeys,
} from '@troupe/core'
import type { SnapshotPatch } from './patch'

/**
 * Messages between a host page (the studio) and a preview frame that renders the app in a
 * sandboxed iframe, over a MessageChannel. The frame never sees the host's documents: it gets
 * plain definition + state copies and sends back raised events, which the host checks, since
 * a frame is where hostile view content runs.
 */
export const connectType = 'troupe:connect'

export type HostMessage =
  | {
      type: 'troupe:render'
      definition: ProjectDefinition
      state: InstanceState
      rootId?: string
    }
  | {
      /** What changed since the previous message, which the frame holds (see patch.ts). */
      type: 'troupe:patch'
      definition: SnapshotPatch
      state: SnapshotPatch
    }

export type GuestMessage = { type: 'troupe:ready' } | { type: 'troupe:event'; event: RaisedEvent }

/** A raised event from the frame as the host may trust it: JSON only, no prototype keys. */
export function readGuestEvent(data: unknown): RaisedEvent | null {
  if (!data || typeof data !== 'object') return null
  const message = data as { type?: unknown; event?: unknown }
  if (message.type !== 'troupe:event' || !message.event || typeof message.event !== 'object') {
    return null
  }
  const { from, event, payload } = message.event as Record<string, unknown>
  if (typeof from !== 'string' || typeof event !== 'string' || event === '') return null
  if (payload === undefined) return { from, event }
  const parsed = jsonSchema.safeParse(payload)
  return parsed.success ? { from, event, payload: stripUnsafeKeys(parsed.data) } : null
}
