import type { Message } from '@automerge/automerge-repo'
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket'

/** WebSocket.OPEN, the same number in ws and in browsers. */
const OPEN = 1

/**
 * automerge-repo's websocket client, except that a message sent while the socket is closing
 * is dropped instead of thrown. automerge-repo 2.5 answers a sync message from inside the
 * handle update that applied it; when the stock adapter throws there ("Websocket not ready"),
 * the update is abandoned after Automerge already advanced the document, and the handle is
 * left holding an outdated document: every later edit on it throws "Attempting to change an
 * outdated document" until the page reloads. The chaos fuzz over websockets found it. Dropping
 * is what the adapter already does once the socket is gone; the sync protocol sends whatever
 * the other side lacks after the reconnect.
 */
export class ClientSocketAdapter extends WebSocketClientAdapter {
  override send(message: Message): void {
    if (this.socket && this.socket.readyState !== OPEN) return
    super.send(message)
  }
}
