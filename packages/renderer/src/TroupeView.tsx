import type { InstanceState, ProjectDefinition, RaisedEvent } from '@troupe/core'
import { type ReactNode, useLayoutEffect, useState } from 'react'
import { ActorView } from './ActorView'
import { TroupeStore } from './store'
import { type RenderReport, TroupeStoreContext } from './TroupeContext'

export interface TroupeProviderProps {
  definition: ProjectDefinition
  state: InstanceState
  /** Called once per event a view raises, payload already resolved. */
  onEvent: (event: RaisedEvent) => void
  /** Diagnostics: called after each commit of an actor or of a foreach row. */
  onRender?: (report: RenderReport) => void
  children?: ReactNode
}

/**
 * Makes a definition and its state available to any `ActorView` inside. New props reach the
 * actors through a store after commit, and each actor re-renders only if its slice changed;
 * the provider's own re-render never re-renders the actors below it.
 */
export function TroupeProvider({
  definition,
  state,
  onEvent,
  onRender,
  children,
}: TroupeProviderProps) {
  const [store] = useState(() => new TroupeStore(definition, state, onEvent, onRender))
  useLayoutEffect(() => {
    store.update(definition, state, onEvent, onRender)
  }, [store, definition, state, onEvent, onRender])
  return <TroupeStoreContext.Provider value={store}>{children}</TroupeStoreContext.Provider>
}

export interface TroupeViewProps extends Omit<TroupeProviderProps, 'children'> {
  /** The actor to render; the project's root by default. */
  rootId?: string
}

/** Renders an app: the root actor (or `rootId`) and, recursively, its children. */
export function TroupeView({ rootId, ...provider }: TroupeViewProps) {
  return (
    <TroupeProvider {...provider}>
      <ActorView actorId={rootId ?? provider.definition.root} />
    </TroupeProvider>
  )
}
