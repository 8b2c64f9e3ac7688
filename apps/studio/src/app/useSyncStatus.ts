import { type DocHandle, type Repo, whenSynced } from '@troupe/documents'
import { useEffect, useState } from 'react'

export type SyncStatus = 'offline' | 'saving' | 'saved'

/**
 * Whether these documents' latest changes are held by the server: 'saved' once it reports
 * their current heads, 'saving' while a change is on its way, 'offline' with no connection
 * (changes stay in this browser and merge when it reconnects).
 */
export function useSyncStatus(repo: Repo, handles: DocHandle<unknown>[]): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(repo.peers.length ? 'saving' : 'offline')

  useEffect(() => {
    let pending: AbortController | null = null
    const refresh = () => {
      pending?.abort()
      if (repo.peers.length === 0) {
        setStatus('offline')
        return
      }
      const controller = new AbortController()
      pending = controller
      setStatus('saving')
      Promise.all(handles.map((handle) => whenSynced(repo, handle, controller.signal))).then(
        () => !controller.signal.aborted && setStatus('saved'),
        () => {},
      )
    }
    refresh()
    for (const handle of handles) handle.on('heads-changed', refresh)
    repo.networkSubsystem.on('peer', refresh)
    repo.networkSubsystem.on('peer-disconnected', refresh)
    return () => {
      pending?.abort()
      for (const handle of handles) handle.off('heads-changed', refresh)
      repo.networkSubsystem.off('peer', refresh)
      repo.networkSubsystem.off('peer-disconnected', refresh)
    }
  }, [repo, handles])

  return status
}
