import type { AnyDocumentId, DocHandle, InstanceDoc, ProjectDoc, Repo } from '@troupe/documents'
import { useEffect, useState } from 'react'

/**
 * The project's running instance: the one it was opened with, then whichever instance the
 * project's `instanceUrl` names after a fork or a reset (here or on another peer).
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
      repo.find<InstanceDoc>(url as AnyDocumentId).then(
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
