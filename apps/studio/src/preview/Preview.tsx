import type { RaisedEvent } from '@troupe/core'
import {
  createEventQueue,
  type DocHandle,
  definitionAt,
  definitionHeadsAfter,
  type InstanceDoc,
  instanceState,
  type ProjectDoc,
  projectDefinition,
  projectHeads,
  stateAfter,
} from '@troupe/documents'
import { connectPreviewFrame, type PreviewHost } from '@troupe/renderer'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useSession, useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { recorderFor } from '../testing/runRecorder'
import { SaveAsTest } from '../testing/SaveAsTest'
import { TimeTravel } from '../timetravel/TimeTravel'
import './preview.css'
import { usePreviewFrameDue } from './usePreviewFrameDue'

/**
 * The running app: the project's definition rendered over its instance state, inside a
 * sandboxed frame (scripts and forms only, no same-origin), so nothing in a view, nor a bug in the
 * renderer, can reach the studio's documents or login. The frame gets plain copies over a
 * MessageChannel; the events it sends back are checked by the bridge and run through the
 * runtime inside a change of the instance document, so their state is stored and synced.
 */
export function Preview() {
  const { project, instance, live, session } = useStudio()
  const projectDoc = useDocument(project)
  const instanceDoc = useDocument(instance)
  const travelIndex = useSession((s) => s.travelIndex)
  // Time travel shows the definition the past message ran against (views, skills, wiring
  // as they were then), so hot edits made since do not change how the past looks.
  const definition = useMemo(
    () =>
      (travelIndex === null ? null : pastDefinition(project, instance, travelIndex)) ??
      projectDefinition(projectDoc),
    [projectDoc, project, instance, travelIndex],
  )
  // Time travel shows the state after that message, from the document's history.
  const state = useMemo(
    () =>
      (travelIndex === null ? null : pastState(instance, travelIndex)) ?? liveState(instanceDoc),
    [instanceDoc, instance, travelIndex],
  )

  // Events raised in one tick share one change of the instance document (see createEventQueue).
  // The recorder notes the ids and clock readings the runtime uses while "Record test" runs.
  const queue = useMemo(
    () =>
      createEventQueue(live ?? instance, () => projectDefinition(project.doc()), {
        ...recorderFor(instance).runtimeOptions,
        definitionHeads: () => projectHeads(project),
      }),
    [live, instance, project],
  )
  const onEvent = useCallback(
    (event: RaisedEvent) => {
      if (session.getState().travelIndex !== null) {
        session
          .getState()
          .notify('The preview is showing the past and is read-only: press "Live" to use the app.')
        return
      }
      void queue.raise(event)
      recorderFor(instance).record(event)
    },
    [instance, queue, session],
  )

  const frameDue = usePreviewFrameDue()
  const frame = useRef<HTMLIFrameElement>(null)
  const host = useRef<PreviewHost | null>(null)
  const latest = useRef({ definition, state, onEvent })
  latest.current = { definition, state, onEvent }
  /** The live documents the frame last got straight from their change events. */
  const sentLive = useRef<{ project: ProjectDoc; instance: InstanceDoc } | null>(null)

  // An edit's hot path: a change reaches the frame from the documents' change events, before
  // the studio re-renders its panels for it (with hundreds of actors that render, the canvas
  // above all, takes longer than the frame's own render). The effect below then has nothing
  // left to send; it still serves time travel and the first render.
  useEffect(() => {
    const send = () => {
      if (session.getState().travelIndex !== null || !host.current) return
      const docs = { project: project.doc(), instance: instance.doc() }
      sentLive.current = docs
      host.current.update(projectDefinition(docs.project), liveState(docs.instance))
    }
    project.on('change', send)
    instance.on('change', send)
    return () => {
      project.off('change', send)
      instance.off('change', send)
    }
  }, [project, instance, session])

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
    const live = sentLive.current
    const sent = live?.project === projectDoc && live.instance === instanceDoc
    if (travelIndex === null && sent) return
    host.current?.update(definition, state)
    // After the past was shown, the live documents must go again when travel ends.
    sentLive.current = travelIndex === null ? { project: projectDoc, instance: instanceDoc } : null
  }, [definition, state, projectDoc, instanceDoc, travelIndex])

  useEffect(
    () => () => {
      host.current?.dispose()
      host.current = null
    },
    [],
  )

  return (
    <section
      className={`studio-preview${travelIndex === null ? '' : ' is-travelling'}`}
      aria-label="Preview"
    >
      <header>
        <h2>Preview</h2>
        <SaveAsTest />
      </header>
      {frameDue ? (
        <iframe
          ref={frame}
          className="studio-preview-frame"
          title="App preview"
          src="/preview.html"
          // allow-forms: without it a form's submit event never fires. The renderer prevents
          // every form's own submission, so a form can never navigate the frame.
          sandbox="allow-scripts allow-forms"
          onLoad={connect}
        />
      ) : (
        <p className="studio-preview-frame studio-preview-pending" role="status">
          Starting the app…
        </p>
      )}
      <TimeTravel />
    </section>
  )
}

/** The instance's state, computed once per document version (both paths above ask). */
const liveStates = new WeakMap<InstanceDoc, ReturnType<typeof instanceState>>()
function liveState(doc: InstanceDoc) {
  let state = liveStates.get(doc)
  if (!state) {
    state = instanceState(doc)
    liveStates.set(doc, state)
  }
  return state
}

/**
 * The state after message `index`, or null when this instance has no such message: the
 * instance was just replaced (a fork or reset, here or on another peer) and the scrubber is
 * about to go back to live.
 */
function pastState(instance: DocHandle<InstanceDoc>, index: number) {
  return orNull(() => stateAfter(instance, index))
}

/** The definition message `index` ran against, or null when it was not recorded. */
function pastDefinition(
  project: DocHandle<ProjectDoc>,
  instance: DocHandle<InstanceDoc>,
  index: number,
) {
  const heads = orNull(() => definitionHeadsAfter(instance, index))
  return heads ? definitionAt(project, heads) : null
}

function orNull<T>(read: () => T): T | null {
  try {
    return read()
  } catch (error) {
    if (error instanceof RangeError) return null
    throw error
  }
}
