import type { InstanceState, ProjectDefinition, RaisedEvent } from '@troupe/core'
import { snapshotPatch } from './patch'
import { connectType, type HostMessage, readGuestEvent } from './protocol'

export interface PreviewHost {
  /** Sends what the frame should render; the latest is kept until the frame is ready. */
  update(definition: ProjectDefinition, state: InstanceState, rootId?: string): void
  dispose(): void
}

/** The host side over an existing port: forwards renders, receives checked events. */
export function createPreviewHost(
  port: MessagePort,
  onEvent: (event: RaisedEvent) => void,
): PreviewHost {
  let ready = false
  let pending: HostMessage | null = null
  /** What the frame holds now: later updates send only what differs from it. */
  let shown: { definition: ProjectDefinition; state: InstanceState; rootId?: string } | null = null
  port.onmessage = (e: MessageEvent) => {
    if ((e.data as { type?: unknown })?.type === 'troupe:ready') {
      ready = true
      if (pending) post(port, pending)
      pending = null
      return
    }
    const event = readGuestEvent(e.data)
    if (event) onEvent(event)
  }
  return {
    update(definition, state, rootId) {
      const message: HostMessage =
        ready && shown && shown.rootId === rootId
          ? {
              type: 'troupe:patch',
              definition: snapshotPatch(shown.definition, definition),
              state: snapshotPatch(shown.state, state),
            }
          : rootId
            ? { type: 'troupe:render', definition, state, rootId }
            : { type: 'troupe:render', definition, state }
      shown = rootId ? { definition, state, rootId } : { definition, state }
      if (ready) post(port, message)
      else pending = message
    },
    dispose() {
      port.onmessage = null
      port.close()
    },
  }
}

/**
 * Connects to a preview frame's window (`iframe.contentWindow`) by handing it one end of a
 * new MessageChannel. The target origin is `*` because a sandboxed frame without
 * `allow-same-origin` has an opaque origin; the message itself carries only the port.
 */
export function connectPreviewFrame(
  frame: Window,
  onEvent: (event: RaisedEvent) => void,
): PreviewHost {
  const channel = new MessageChannel()
  const host = createPreviewHost(channel.port1, onEvent)
  frame.postMessage({ type: connectType }, '*', [channel.port2])
  return host
}

/**
 * Snapshots are plain data, but one may hold a value the structured clone cannot carry (a
 * class instance from a storage layer); JSON always travels, so it is the fallback.
 */
function post(port: MessagePort, message: HostMessage): void {
  try {
    port.postMessage(message)
  } catch {
    port.postMessage(JSON.parse(JSON.stringify(message)))
  }
}
