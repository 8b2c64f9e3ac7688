import type { DocHandle } from '@automerge/automerge-repo'
import type { ProjectDefinition, RaisedEvent } from '@troupe/core'
import type { ProcessOptions } from '@troupe/runtime'
import type { InstanceDoc } from '../schema/instance'
import { type EventResult, raiseEvents } from './events'
import { LiveInstance } from './live-instance'

export interface EventQueue {
  /** Queues an event; it is processed with the others raised in the same tick. */
  raise(event: RaisedEvent): Promise<EventResult>
  /** Processes what is queued now (tests, and before reading state synchronously). */
  flush(): void
}

/**
 * Coalesces the events raised within one tick into one raiseEvents call, so a flood (a
 * script, an integration posting events, a view raising many at once) costs one document
 * change per tick instead of one per event, while a person's separate clicks, each in its
 * own task, still get a change each. Order is kept: events are processed in the order raised.
 * Exactly once holds as for raiseEvents: an event is processed in the change that logs it; one
 * still queued when the page dies was never processed and never happened.
 */
export function createEventQueue(
  /** A LiveInstance rotates epochs as they fill (epochs.ts); a bare epoch handle never does. */
  instance: LiveInstance | DocHandle<InstanceDoc>,
  definition: () => ProjectDefinition,
  options?: ProcessOptions & {
    /** The project heads `definition()` reads at, recorded with each batch for time travel. */
    definitionHeads?: () => readonly string[]
  },
): EventQueue {
  let queued: {
    event: RaisedEvent
    done: (result: EventResult) => void
    fail: (e: unknown) => void
  }[] = []
  const flush = () => {
    if (!queued.length) return
    const batch = queued
    queued = []
    try {
      const { definitionHeads, ...processOptions } = options ?? {}
      const events = batch.map((item) => item.event)
      const raiseOptions = definitionHeads
        ? { ...processOptions, definitionHeads: definitionHeads() }
        : processOptions
      const results =
        instance instanceof LiveInstance
          ? instance.raise(definition(), events, raiseOptions)
          : raiseEvents(instance, definition(), events, raiseOptions)
      batch.forEach((item, index) => {
        item.done(results[index]!)
      })
    } catch (error) {
      for (const item of batch) item.fail(error)
    }
  }
  return {
    raise(event) {
      return new Promise<EventResult>((done, fail) => {
        if (!queued.length) queueMicrotask(flush)
        queued.push({ event, done, fail })
      })
    },
    flush,
  }
}
