import type { InstanceState, Json, JsonObject } from '@troupe/core'
import { isSafeKey } from '@troupe/core'
import type { StateEffect } from './effects'

/** Read access to instance state; implemented by the real state and by overlays on it. */
export interface StateSource {
  /** The actor's stored context (instance writes only, not the definition's initial context). */
  context(actorId: string): JsonObject | undefined
  children(actorId: string): string[] | undefined
  entity(schema: string, id: string): JsonObject | undefined
  entities(schema: string): Record<string, JsonObject> | undefined
  schemas(): string[]
}

/** Reads a plain InstanceState or an Automerge document in place. */
export class StateReader implements StateSource {
  constructor(private readonly state: InstanceState) {}
  context(actorId: string) {
    return isSafeKey(actorId) ? this.state.actors[actorId]?.context : undefined
  }
  children(actorId: string) {
    return isSafeKey(actorId) ? this.state.actors[actorId]?.children : undefined
  }
  entity(schema: string, id: string) {
    return isSafeKey(schema) && isSafeKey(id) ? this.state.entities[schema]?.[id] : undefined
  }
  entities(schema: string) {
    return isSafeKey(schema) ? this.state.entities[schema] : undefined
  }
  schemas() {
    return Object.keys(this.state.entities)
  }
}

const DELETED = Symbol('deleted')
type Slot<T> = T | typeof DELETED

/**
 * Copy-on-write view of a source: records effects as small per-key writes and answers reads
 * from them first, so later messages see earlier messages' effects without cloning state.
 * Merged objects are built on read and cached until the next write that touches them.
 */
export class Overlay implements StateSource {
  readonly effects: StateEffect[] = []
  private readonly contextWrites = new Map<string, Map<string, Slot<Json>>>()
  private readonly childWrites = new Map<string, string[]>()
  private readonly entityWrites = new Map<string, Map<string, Slot<JsonObject>>>()
  private readonly contextCache = new Map<string, JsonObject | undefined>()
  private readonly entitiesCache = new Map<string, Record<string, JsonObject> | undefined>()

  constructor(private readonly base: StateSource) {}

  apply(effect: StateEffect): void {
    this.effects.push(effect)
    switch (effect.kind) {
      case 'setContext':
      case 'deleteContext': {
        let writes = this.contextWrites.get(effect.actorId)
        if (!writes) {
          writes = new Map()
          this.contextWrites.set(effect.actorId, writes)
        }
        writes.set(effect.key, effect.kind === 'setContext' ? effect.value : DELETED)
        this.contextCache.delete(effect.actorId)
        break
      }
      case 'setChildren':
        this.childWrites.set(effect.actorId, effect.children)
        break
      case 'putEntity':
        this.writeEntity(effect.schema, effect.id, effect.entity)
        break
      case 'patchEntity': {
        const current = this.entity(effect.schema, effect.id)
        if (current) this.writeEntity(effect.schema, effect.id, { ...current, ...effect.changes })
        break
      }
      case 'deleteEntity':
        this.writeEntity(effect.schema, effect.id, DELETED)
        break
    }
  }

  private writeEntity(schema: string, id: string, value: Slot<JsonObject>): void {
    let writes = this.entityWrites.get(schema)
    if (!writes) {
      writes = new Map()
      this.entityWrites.set(schema, writes)
    }
    writes.set(id, value)
    this.entitiesCache.delete(schema)
  }

  context(actorId: string): JsonObject | undefined {
    const writes = this.contextWrites.get(actorId)
    if (!writes) return this.base.context(actorId)
    if (this.contextCache.has(actorId)) return this.contextCache.get(actorId)
    const merged: JsonObject = { ...this.base.context(actorId) }
    for (const [key, value] of writes) {
      if (value === DELETED) delete merged[key]
      else merged[key] = value
    }
    this.contextCache.set(actorId, merged)
    return merged
  }

  children(actorId: string): string[] | undefined {
    return this.childWrites.get(actorId) ?? this.base.children(actorId)
  }

  entity(schema: string, id: string): JsonObject | undefined {
    const written = this.entityWrites.get(schema)?.get(id)
    if (written === DELETED) return undefined
    return written ?? this.base.entity(schema, id)
  }

  entities(schema: string): Record<string, JsonObject> | undefined {
    const writes = this.entityWrites.get(schema)
    if (!writes) return this.base.entities(schema)
    if (this.entitiesCache.has(schema)) return this.entitiesCache.get(schema)
    const merged: Record<string, JsonObject> = { ...this.base.entities(schema) }
    for (const [id, value] of writes) {
      if (value === DELETED) delete merged[id]
      else merged[id] = value
    }
    this.entitiesCache.set(schema, merged)
    return merged
  }

  schemas(): string[] {
    const names = new Set(this.base.schemas())
    for (const name of this.entityWrites.keys()) names.add(name)
    return [...names]
  }

  /** An InstanceState-shaped read-only facade, for core functions such as effectiveContext. */
  asState(): InstanceState {
    const actors = new Proxy({} as InstanceState['actors'], {
      get: (_target, id) => {
        if (typeof id !== 'string') return undefined
        const context = this.context(id)
        const children = this.children(id)
        return { ...(context ? { context } : {}), ...(children ? { children } : {}) }
      },
    })
    const entities = new Proxy({} as InstanceState['entities'], {
      get: (_target, schema) => (typeof schema === 'string' ? this.entities(schema) : undefined),
      ownKeys: () => this.schemas(),
      getOwnPropertyDescriptor: (_target, schema) =>
        typeof schema === 'string' && this.entities(schema)
          ? { configurable: true, enumerable: true, value: this.entities(schema) }
          : undefined,
    })
    return { actors, entities }
  }
}
