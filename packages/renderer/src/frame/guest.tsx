import type { RaisedEvent } from '@troupe/core'
import { createRoot } from 'react-dom/client'
import { TroupeView } from '../TroupeView'
import { connectType, type GuestMessage, type HostMessage } from './protocol'
import { shareUnchanged } from './share'

/**
 * The frame side over an existing port: renders each `troupe:render` into `container` and
 * posts every raised event back. Returns a function that unmounts and closes the port.
 */
export function renderPreviewGuest(port: MessagePort, container: Element): () => void {
  const root = createRoot(container)
  const send = (message: GuestMessage) => port.postMessage(message)
  const onEvent = (event: RaisedEvent) => send({ type: 'troupe:event', event })
  let last: { definition: HostMessage['definition']; state: HostMessage['state'] } | undefined
  port.onmessage = (e: MessageEvent) => {
    const message = e.data as HostMessage
    if (message?.type !== 'troupe:render') return
    const definition = shareUnchanged(last?.definition, message.definition)
    const state = shareUnchanged(last?.state, message.state)
    last = { definition, state }
    root.render(
      <TroupeView
        definition={definition}
        state={state}
        onEvent={onEvent}
        {...(message.rootId ? { rootId: message.rootId } : {})}
      />,
    )
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
