import type { DocHandle, Repo, StorageId } from '@automerge/automerge-repo'
import { sameHeads } from './same-heads'

/**
 * Resolves once a peer that stores documents (the sync server, a peer with disk storage) has
 * reported holding exactly this handle's current heads: from then on the change survives this
 * process. The studio can show "saved"; the CLI and tests wait on it instead of sleeping.
 * Rejects when `signal` aborts.
 */
export function whenSynced<T>(
  repo: Repo,
  handle: DocHandle<T>,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const heads = handle.heads()
      for (const peer of repo.peers) {
        const storageId = repo.getStorageIdOfPeer(peer)
        if (storageId && sameHeads(handle.getSyncInfo(storageId as StorageId)?.lastHeads, heads)) {
          stop()
          resolve()
          return
        }
      }
    }
    const onAbort = () => {
      stop()
      reject(signal?.reason ?? new Error('aborted'))
    }
    const stop = () => {
      handle.off('remote-heads', check)
      handle.off('heads-changed', check)
      repo.networkSubsystem.off('peer', check)
      signal?.removeEventListener('abort', onAbort)
    }
    handle.on('remote-heads', check)
    handle.on('heads-changed', check)
    repo.networkSubsystem.on('peer', check)
    signal?.addEventListener('abort', onAbort)
    check()
  })
}
