import type { InstanceState, ProjectDefinition, RaisedEvent } from '@troupe/core'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { TroupeView } from '../TroupeView'
import { applySnapshotPatch } from './patch'
import { connectType, type GuestMessage, type HostMessage } from './protocol'
import { shareUnchanged } from './share'

/**
 * The frame side over an existing port: renders each `troupe:render`, and each `troupe:patch`
 * applied to what it holds, into `container` and posts every raised event back. Returns a
 * function that unmounts and closes the port.
 */
export function renderPreviewGuest(port: MessagePort, container: Element): () => void {
  const root = createRoot(container)
  const send = (message: GuestMessage) => port.postMessage(message)
  const onEvent = (event: RaisedEvent) => send({ type: 'troupe:event', event })
  let last: { definition: ProjectDefinition; state: InstanceState } | undefined
  let rootId: string | undefined
  const show = (definition: ProjectDefinition, state: InstanceState) => {
    last = { definition, state }
    // Rendered now, inside this message's task: the edit shows without waiting for a turn
    // of React's scheduler behind whatever else the frame has queued.
    flushSync(() =>
      root.render(
        <TroupeView
          definition={definition}
          state={state}
          onEvent={onEvent}
          {...(rootId ? { rootId } : {})}
        />,
      ),
    )
  }
  port.onmessage = (e: MessageEvent) => {
    const message = e.data as HostMessage
    if (message?.type === 'troupe:render') {
      rootId = message.rootId
      show(
        shareUnchanged(last?.definition, message.definition),
        shareUnchanged(last?.state, message.state),
      )
    } else if (message?.type === 'troupe:patch' && last) {
      show(
        applySnapshotPatch(last.definition, message.definition),
        applySnapshotPatch(last.state, message.state),
      )
    }
  }
  send({ type: 'troupe:ready' })
  return () => {
    port.onmessage = null
    port.close()
    root.unmount()
  }
}

/**
 * In the preview frame's page: waits for the host (the parent window only) to hand over a
 * port, then renders there. Returns a function that stops listening and unmounts.
 */
export function listenForPreviewHost(container: Element): () => void {
  let stop: (() => void) | null = null
  const onMessage = (e: MessageEvent) => {
    if (e.source !== window.parent || (e.data as { type?: unknown })?.type !== connectType) return
    const port = e.ports[0]
    if (!port) return
    stop?.()
    stop = renderPreviewGuest(port, container)
  }
  window.addEventListener('message', onMessage)
  return () => {
    window.removeEventListener('message', onMessage)
    stop?.()
  }
}
