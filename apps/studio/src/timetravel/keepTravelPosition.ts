import type { MessageFeed } from '../messages/messageFeed'
import type { SessionStore } from '../session/store'

/**
 * Keeps the time-travel position on the message it shows when the feed puts the earlier
 * epochs' messages in front of it (they arrive after the current epoch's): the position is an
 * index of the history, and every index moved up by as many. Returns the unsubscribe.
 */
export function keepTravelPosition(feed: MessageFeed, session: SessionStore): () => void {
  return feed.subscribe((_first, prepended) => {
    const at = session.getState().travelIndex
    if (prepended && at !== null) session.getState().setTravelIndex(at + prepended)
  })
}
