import type { Repo } from '@automerge/automerge-repo'
import { createNodeRepo } from '@troupe/documents/node'

/**
 * A client repo of the sync server at `syncUrl`, resolved once the server is its peer.
 * find() waits at most a second for the socket before it reports a document unavailable;
 * with many client processes starting at once on a busy machine, connecting can take longer.
 */
export async function connectedRepo(
  syncUrl: string,
  onRepo?: (repo: Repo) => void,
  syncThrottleMs?: number,
): Promise<Repo> {
  const repo = createNodeRepo({
    syncUrl,
    ...(syncThrottleMs === undefined ? {} : { syncThrottleMs }),
  })
  onRepo?.(repo)
  if (repo.peers.length === 0)
    await new Promise((connected) => repo.networkSubsystem.once('peer', connected))
  return repo
}
