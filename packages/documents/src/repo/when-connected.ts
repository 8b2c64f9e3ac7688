import type { Repo } from '@automerge/automerge-repo'

/**
 * Resolves once the repo has a peer (for a client: once the sync server answered its join).
 * `networkSubsystem.whenReady()` is not that: a websocket adapter reports ready after a
 * second without an answer, and a find() made then asks no one and reports the document
 * unavailable. On a busy machine connecting takes longer than that second.
 */
export function whenConnected(repo: Repo): Promise<void> {
  if (repo.peers.length > 0) return Promise.resolve()
  return new Promise((connected) => repo.networkSubsystem.once('peer', () => connected()))
}
