import type { RaisedEvent } from '@troupe/core'
import { createEventQueue, instanceState, projectDefinition } from '@troupe/documents'
import { connectPreviewFrame, type PreviewHost } from '@troupe/renderer'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import './preview.css'

/**
 * The running app: the project's definition rendered over its instance state, inside a
 * sandboxed frame (scripts only, no same-origin), so nothing in a view, nor a bug in the
 * renderer, can reach the studio's documents or login. The frame gets plain copies over a
 * MessageChannel; the events it sends back are checked by the bridge and run through the
 * runtime inside a change of the instance document, so their state is stored and synced.
 */
export function Preview() {
  const { project, instance } = useStudio()
  const projectDoc = useDocument(project)
  const instanceDoc = useDocument(instance)
  const definition = useMemo(() => projectDefinition(projectDoc), [projectDoc])
  const state = useMemo(() => instanceState(instanceDoc), [instanceDoc])

  // Events raised in one tick share one change of the instance document (see createEventQueue).
  const queue = useMemo(
    () => createEventQueue(instance, () => projectDefinition(project.doc())),
    [instance, project],
  )
  const onEvent = useCallback(
    (event: RaisedEvent) => {
      void queue.raise(event)
    },
    [queue],
  )

  const frame = useRef<HTMLIFrameElement>(null)
  const host = useRef<PreviewHost | null>(null)
  const latest = useRef({ definition, state, onEvent })
  latest.current = { definition, state, onEvent }

  // Each load of the frame (first open, or the frame reloading itself) gets a fresh channel
  // and the current app at once.
  const connect = useCallback(() => {
    const target = frame.current?.contentWindow
    if (!target) return
    host.current?.dispose()
    host.current = connectPreviewFrame(target, (event) => latest.current.onEvent(event))
    host.current.update(latest.current.definition, latest.current.state)
  }, [])

  useEffect(() => {
    host.current?.update(definition, state)
  }, [definition, state])

  useEffect(
    () => () => {
      host.current?.dispose()
      host.current = null
    },
    [],
  )

  return (
    <section className="studio-preview" aria-label="Preview">
      <header>
        <h2>Preview</h2>
      </header>
      <iframe
        ref={frame}
        className="studio-preview-frame"
        title="App preview"
        src="/preview.html"
        sandbox="allow-scripts"
        onLoad={connect}
      />
    </section>
  )
}
