import {
  type AnyDocumentId,
  currentEpoch,
  type DocHandle,
  type InstanceDoc,
  type ProjectDoc,
  type Repo,
} from '@troupe/documents'
import { useEffect, useState } from 'react'

/**
 * The project's running instance: the one it was opened with, then whichever instance the
 * project's `instanceUrl` names after a fork, a reset or a rotation into a new epoch (here or
 * on another peer), followed on to its current epoch (a pointer written by a peer that lost a
 * concurrent rotation names an epoch already superseded).
 */
export function useFollowedInstance(
  repo: Repo,
  project: DocHandle<ProjectDoc>,
  opened: DocHandle<InstanceDoc>,
): DocHandle<InstanceDoc> {
  const [instance, setInstance] = useState(opened)
  useEffect(() => setInstance(opened), [opened])
  useEffect(() => {
    let wanted = ''
    const follow = () => {
      const url = project.doc().instanceUrl
      if (!url || url === wanted) return
      wanted = url
      repo
        .find<InstanceDoc>(url as AnyDocumentId)
        .then((found) => currentEpoch(repo, found))
        .then(
          (found) => wanted === url && setInstance(found),
          // An instance that cannot be found keeps the current one running.
          () => undefined,
        )
    }
    follow()
    project.on('change', follow)
    return () => {
      project.off('change', follow)
    }
  }, [repo, project])
  return instance
}
