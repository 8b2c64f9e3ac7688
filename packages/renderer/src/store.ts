import {
  createQueryCache,
  type InstanceState,
  type ProjectDefinition,
  type RaisedEvent,
} from '@troupe/core'
import {
  type ActorSlice,
  computeSlice,
  reuseEqualParts,
  sameInputs,
  sliceInputs,
} from './actorSlice'
import type { RenderReport } from './TroupeContext'

interface CacheEntry {
  version: number
  inputs: unknown[]
  slice: ActorSlice
}

/**
 * Holds the definition and state one `TroupeView` renders, and hands each actor its own
 * slice. Actors subscribe with `useSyncExternalStore` and get the *same* slice object back
 * unless their data changed, which is what lets React skip every other actor on an update.
 */
export class TroupeStore {
  private version = 0
  private readonly listeners = new Set<() => void>()
  private readonly cache = new Map<string, CacheEntry>()
  // Props arrive as snapshots (a changed map is a new object), which is what the query cache
  // needs: an update to one of 1,000 entities patches the query result instead of re-sorting.
  private readonly queries = createQueryCache()

  constructor(
    private definition: ProjectDefinition,
    private state: InstanceState,
    private onEvent: (event: RaisedEvent) => void,
    public onRender?: (report: RenderReport) => void,
  ) {}

  /** Takes new props; notifies subscribers only when the data changed. */
  update(
    definition: ProjectDefinition,
    state: InstanceState,
    onEvent: (event: RaisedEvent) => void,
    onRender?: (report: RenderReport) => void,
  ): void {
    this.onEvent = onEvent
    this.onRender = onRender
    if (definition === this.definition && state === this.state) return
    this.definition = definition
    this.state = state
    this.version++
    for (const listener of this.listeners) listener()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Stable per actor: the previous slice while neither its inputs nor its data changed. */
  getActor(actorId: string): ActorSlice {
    const cached = this.cache.get(actorId)
    if (cached && cached.version === this.version) return cached.slice
    const inputs = sliceInputs(this.definition, this.state, actorId)
    if (cached && sameInputs(cached.inputs, inputs)) {
      cached.version = this.version
      return cached.slice
    }
    const fresh = computeSlice(this.definition, this.state, actorId, this.queries)
    const slice = cached ? reuseEqualParts(cached.slice, fresh) : fresh
    this.cache.set(actorId, { version: this.version, inputs, slice })
    return slice
  }

  raise(event: RaisedEvent): void {
    this.onEvent(event)
  }
}
