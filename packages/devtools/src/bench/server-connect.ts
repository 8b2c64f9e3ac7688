import type { Repo } from '@automerge/automerge-repo'
import { whenConnected } from '@troupe/documents'
import { createNodeRepo } from '@troupe/documents/node'

/** A client repo of the sync server at `syncUrl`, resolved once the server is its peer. */
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
  await whenConnected(repo)
  return repo
}
