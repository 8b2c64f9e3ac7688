import type { EventBinding, Json, JsonPath, Scope, ViewEventName } from '@troupe/core'
import { createContext, useContext } from 'react'

/** The value of a form field an `input`/`change` event adds to its payload. */
export interface FieldInput {
  value: Json
  bindingPath?: string
}

/**
 * What every node of one actor's view needs from its actor, provided once per actor so a
 * memoised foreach row does not need it as a prop.
 */
export interface ActorFrame {
  actorId: string
  /** The actor's effective children. */
  childIds: ReadonlySet<string>
  /** Children not placed explicitly with `{ slot, actor }`, in `children` order. */
  rest: readonly string[]
  /** Path key of the wrapper element marked `slot: "children"`, or null when there is none. */
  slotKey: string | null
  /** This actor and those rendering it, so a children cycle stops instead of recursing forever. */
  ancestors: ReadonlySet<string>
  raise(
    name: ViewEventName,
    binding: EventBinding,
    scope: Scope,
    path: JsonPath,
    field?: FieldInput,
  ): void
}

export const ActorFrameContext = createContext<ActorFrame | null>(null)

export function useActorFrame(): ActorFrame {
  const frame = useContext(ActorFrameContext)
  if (!frame) throw new Error('A view node rendered outside of an actor')
  return frame
}

export const pathKey = (path: JsonPath): string => path.join('/')
