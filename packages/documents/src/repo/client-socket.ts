import type { Message, PeerId, PeerMetadata } from '@automerge/automerge-repo'
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket'

type AdapterSocket = NonNullable<WebSocketClientAdapter['socket']>

/** WebSocket.OPEN, the same number in ws and in browsers. */
const OPEN = 1
/** WebSocket.CONNECTING. */
const CONNECTING = 0

/**
 * automerge-repo's websocket client, with five fixes:
 * - a message sent while the socket is closing is dropped instead of thrown. automerge-repo
 *   2.5 answers a sync message from inside the handle update that applied it; when the stock
 *   adapter throws there ("Websocket not ready"), the update is abandoned after Automerge
 *   already advanced the document, and the handle is left holding an outdated document: every
 *   later edit on it throws "Attempting to change an outdated document" until the page
 *   reloads. The chaos fuzz over websockets found it. Dropping is what the adapter already
 *   does once the socket is gone; the sync protocol sends whatever the other side lacks after
 *   the reconnect.
 * - shutting down while the socket is still connecting (a reconnect under way) no longer
 *   throws. The stock disconnect removes its 'error' listener and then closes the socket; ws
 *   reports closing a socket that is not open yet as an 'error' event ("closed before the
 *   connection was established"), and an 'error' event nobody listens to is an uncaught
 *   exception that ends a Node process.
 * - a reconnect the stock adapter scheduled when the socket closed (it does not keep that
 *   timer) does not open a new socket after the repo was shut down.
 * - a retry gives up the attempt before it: the stock adapter retries every retryInterval
 *   while the socket is not open, and left the previous socket connecting with no listeners:
 *   against a slow server each retry leaked a connection that opened later unused (counting
 *   against the server's per-client limit) or failed with an 'error' nobody heard.
 * - a connection error other than "refused" (a reset during the handshake, a server that
 *   answers the upgrade with an HTTP error while it restarts) is not rethrown from the
 *   socket's listener, where it was an uncaught exception; the socket closes and the adapter
 *   retries, as it does for a refused connection.
 */
export class ClientSocketAdapter extends WebSocketClientAdapter {
  #stopped = false

  // Replaces the stock handler (a class field) before connect() first uses it.
  override onError = (): void => {}

  override connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    if (this.#stopped) return
    const previous = this.socket
    super.connect(peerId, peerMetadata)
    if (previous && previous !== this.socket) closeQuietly(previous)
  }

  override disconnect(): void {
    this.#stopped = true
    const socket = this.socket
    if (socket?.readyState === CONNECTING) socket.addEventListener('error', ignore)
    super.disconnect()
  }

  override send(message: Message): void {
    if (this.socket && this.socket.readyState !== OPEN) return
    super.send(message)
  }
}

/** The expected error of closing a socket before it opened: nothing more to do with it. */
function ignore(): void {}

/** Closes a socket the adapter no longer listens to, without an unheard 'error'. */
function closeQuietly(socket: AdapterSocket): void {
  if (socket.readyState !== CONNECTING && socket.readyState !== OPEN) return
  socket.addEventListener('error', ignore)
  socket.close()
}
