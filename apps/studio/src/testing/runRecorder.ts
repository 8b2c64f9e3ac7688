import type { FinalState, ProjectFile, RaisedEvent, TestFixture } from '@troupe/core'
import type { DocHandle, InstanceDoc } from '@troupe/documents'
import { newSortableId, type ProcessOptions } from '@troupe/runtime'

interface Recording {
  project: ProjectFile
  events: RaisedEvent[]
  ids: string[]
  times: number[]
}

/**
 * Records a run of the preview as a test: the project as it was when recording started (its
 * state folded in as the initial state), every event the preview raised, and the ids and clock
 * readings the runtime used, so `troupe test` replays it to the same state. Events raised by
 * other peers meanwhile are not part of it.
 */
export class RunRecorder {
  private recording: Recording | null = null
  private listeners = new Set<() => void>()

  get active(): boolean {
    return this.recording !== null
  }

  get eventCount(): number {
    return this.recording?.events.length ?? 0
  }

  start(project: ProjectFile): void {
    this.recording = { project, events: [], ids: [], times: [] }
    this.changed()
  }

  /**
   * Options for the runtime that note the ids and clock readings it generates while a
   * recording runs (and only generate them otherwise). One object for the instance's whole
   * life, so the preview's event queue can be made once.
   */
  readonly runtimeOptions: ProcessOptions = {
    newId: () => {
      const id = newSortableId()
      this.recording?.ids.push(id)
      return id
    },
    now: () => {
      const time = Date.now()
      this.recording?.times.push(time)
      return time
    },
  }

  record(event: RaisedEvent): void {
    if (!this.recording) return
    this.recording.events.push(event)
    this.changed()
  }

  /** Ends the recording as a fixture expecting `expected`. */
  finish(name: string, expected: FinalState): TestFixture {
    const run = this.recording
    if (!run) throw new Error('TRP-422 Nothing is being recorded: press "Record test" first.')
    this.recording = null
    this.changed()
    return {
      troupeTest: 1,
      name,
      project: run.project,
      events: run.events,
      expected,
      ids: run.ids,
      times: run.times,
    }
  }

  cancel(): void {
    this.recording = null
    this.changed()
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  private changed() {
    for (const listener of this.listeners) listener()
  }
}

const recorders = new WeakMap<DocHandle<InstanceDoc>, RunRecorder>()

/** The recorder of one running instance (a fork or reset starts with none running). */
export function recorderFor(instance: DocHandle<InstanceDoc>): RunRecorder {
  let recorder = recorders.get(instance)
  if (!recorder) {
    recorder = new RunRecorder()
    recorders.set(instance, recorder)
  }
  return recorder
}
