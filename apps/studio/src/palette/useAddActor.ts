import { isComposite } from '@troupe/core'
import { addActor, addActors, linkChild, newActorId } from '@troupe/documents'
import { useCallback } from 'react'
import { useStudio } from '../app/StudioContext'
import { preparePaste } from '../canvas/clipboard'
import { attempt } from '../canvas/graphEdits'
import type { XY } from '../session/store'
import { findKind } from './actorKinds'
import { findTemplate } from './templates'

/**
 * Adds an actor of a palette kind, or the actors of a template, at a canvas position. The new
 * (top) actor becomes the last child of the selected actor when that one is a composite,
 * otherwise of the root, so it shows in the preview at once; the canvas wiring can move it
 * later. The new actor is selected (for a template, its top actor).
 */
export function useAddActor() {
  const { project, session } = useStudio()
  return useCallback(
    (kind: string, position: XY): string | null => {
      const doc = project.doc()
      if (!doc) return null
      const selected = session.getState().selectedActorId
      const selectedActor = selected ? doc.actors[selected] : undefined
      const parentId = selectedActor && isComposite(selectedActor.view) ? selected! : doc.root

      const single = findKind(kind)
      if (single) {
        let id: string | null = null
        attempt(session, () => {
          id = addActor(
            project,
            { ...single.create(), subscriptions: [], children: [], dependencies: {} },
            position,
          )
          linkChild(project, parentId, id)
        })
        if (id) session.getState().select(id)
        return id
      }

      const template = findTemplate(kind)
      if (!template) return null
      const { root, actors } = template.create()
      const prepared = preparePaste(
        { troupe: 1, name: template.label, root, actors },
        {
          taken: (id) => id in doc.actors,
          newId: newActorId,
          origin: position,
          parentFor: (id) => (id === root ? parentId : null),
        },
      )
      if (!attempt(session, () => addActors(project, prepared))) return null
      const top = prepared.ids[root]!
      session.getState().select(top)
      return top
    },
    [project, session],
  )
}
