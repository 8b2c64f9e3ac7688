import type { RaisedEvent } from '@troupe/core'
import { instanceState, projectDefinition, raiseEvent } from '@troupe/documents'
import { TroupeView } from '@troupe/renderer'
import { useCallback, useMemo } from 'react'
import { useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'

/**
 * The running app: the project's definition rendered over its instance state. Events raised
 * in the preview run through the runtime inside one change of the instance document, so the
 * state they write is stored, synced and survives reloads.
 */
export function Preview() {
  const { project, instance } = useStudio()
  const projectDoc = useDocument(project)
  const instanceDoc = useDocument(instance)
  const definition = useMemo(() => projectDefinition(projectDoc), [projectDoc])
  const state = useMemo(() => instanceState(instanceDoc), [instanceDoc])

  const onEvent = useCallback(
    (event: RaisedEvent) => {
      raiseEvent(instance, projectDefinition(project.doc()), event)
    },
    [instance, project],
  )

  return (
    <section className="studio-preview" aria-label="Preview">
      <header>
        <h2>Preview</h2>
      </header>
      <div className="studio-preview-app">
        <TroupeView definition={definition} state={state} onEvent={onEvent} />
      </div>
    </section>
  )
}
