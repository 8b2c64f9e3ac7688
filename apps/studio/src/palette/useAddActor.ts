import { isComposite } from '@troupe/core'
import { addActor, linkChild } from '@troupe/documents'
import { useCallback } from 'react'
import { useStudio } from '../app/StudioContext'
import type { XY } from '../session/store'
import { findKind } from './actorKinds'

/**
 * Adds an actor of a palette kind at a canvas position. It becomes the last child of the
 * selected actor when that one is a composite, otherwise of the root, so it shows in the
 * preview at once; the canvas wiring can move it later. The new actor is selected.
 */
export function useAddActor() {
  const { project, session } = useStudio()
  return useCallback(
    (kind: string, position: XY) => {
      const template = findKind(kind)
      const doc = project.doc()
      if (!template || !doc) return null
      const selected = session.getState().selectedActorId
      const selectedActor = selected ? doc.actors[selected] : undefined
      const parentId = selectedActor && isComposite(selectedActor.view) ? selected! : doc.root
      const id = addActor(
        project,
        { ...template.create(), subscriptions: [], children: [], dependencies: {} },
        position,
      )
      linkChild(project, parentId, id)
      session.getState().select(id)
      return id
    },
    [project, session],
  )
}
