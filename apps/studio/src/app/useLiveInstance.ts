import {
  type DocHandle,
  type InstanceDoc,
  LiveInstance,
  type ProjectDoc,
  type Repo,
} from '@troupe/documents'
import { useEffect, useState } from 'react'

/**
 * This studio's hold on the running instance (epochs.ts): events go into its current epoch.
 * When the epoch rotates (here, or another peer's rotation reaches this one) the project is
 * pointed at the new epoch, so every studio opens and follows it, unless the project has moved
 * to another instance meanwhile (a fork or a reset wins over a rotation of the old one).
 * Null until the effect has run (and for a moment after the instance changes): the caller
 * raises into the instance handle itself meanwhile, which a LiveInstance forwards from later.
 */
export function useLiveInstance(
  repo: Repo,
  project: DocHandle<ProjectDoc>,
  instance: DocHandle<InstanceDoc>,
): LiveInstance | null {
  const [held, setHeld] = useState<{ instance: DocHandle<InstanceDoc>; live: LiveInstance }>()
  useEffect(() => {
    // Made in the effect, so that every instance made is also closed (StrictMode runs twice).
    const live = new LiveInstance(repo, instance)
    setHeld({ instance, live })
    const stop = live.onEpoch((epoch, previous) => {
      if (project.doc().instanceUrl !== previous.url) return
      project.change((doc) => {
        doc.instanceUrl = epoch.url
      })
    })
    return () => {
      stop()
      live.close()
    }
  }, [repo, project, instance])
  return held?.instance === instance ? held.live : null
}
