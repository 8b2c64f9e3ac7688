import {
  isLeaf,
  issueCodes,
  type JsonPath,
  resolvePayload,
  type Scope,
  type ViewEventName,
} from '@troupe/core'
import { memo, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { ActorErrorBoundary } from './ActorErrorBoundary'
import type { ActorSlice } from './actorSlice'
import { ErrorBox } from './ErrorBox'
import { renderComposite } from './render/Composite'
import { type ActorFrame, ActorFrameContext, type FieldInput } from './render/frame'
import { renderLeaf } from './render/Leaf'
import { viewLayout } from './render/placement'
import type { TroupeStore } from './store'
import { useTroupeStore } from './TroupeContext'
import { viewIssues } from './validation'
import { ViewError } from './viewError'

/**
 * One actor: subscribes to its own slice of the state, so it re-renders only when its own
 * definition, effective context, children or dependencies changed. A bad view (per
 * `validateView`) or anything that throws while rendering it shows an inline error for this
 * actor only.
 */
export const ActorView = memo(function ActorView({ actorId }: { actorId: string }) {
  const store = useTroupeStore()
  return (
    <ActorErrorBoundary actorId={actorId} store={store}>
      <ActorContent actorId={actorId} store={store} />
    </ActorErrorBoundary>
  )
})

function ActorContent({ actorId, store }: { actorId: string; store: TroupeStore }) {
  const parent = useContext(ActorFrameContext)
  const slice = useSyncExternalStore(store.subscribe, () => store.getActor(actorId))
  useEffect(() => {
    store.onRender?.({ actorId })
  })

  if (parent?.ancestors.has(actorId)) {
    return (
      <ErrorBox
        actorId={actorId}
        issues={[
          issue(actorId, issueCodes.parentCycle, 'renders itself through its children', [
            'children',
          ]),
        ]}
      />
    )
  }
  if (!slice.actor) {
    return (
      <ErrorBox
        actorId={actorId}
        issues={[issue(actorId, issueCodes.missingActor, 'no actor with this id', [])]}
      />
    )
  }
  if (slice.context.visible === false) return null
  const issues = viewIssues(slice.actor.view, actorId)
  if (issues.length > 0) return <ErrorBox actorId={actorId} issues={issues} />
  return <ActorBody slice={slice} store={store} ancestors={parent?.ancestors} />
}

function issue(actorId: string, code: ViewError['code'], message: string, path: JsonPath) {
  return { code, message, actorId, path }
}

interface BodyProps {
  slice: ActorSlice
  store: TroupeStore
  ancestors: ReadonlySet<string> | undefined
}

function ActorBody({ slice, store, ancestors }: BodyProps) {
  const { actorId } = slice
  const view = slice.actor!.view
  // An event whose payload cannot be resolved shows this actor's error box until data changes.
  const [eventError, setEventError] = useState<ViewError | null>(null)
  const latestSlice = useRef(slice)
  latestSlice.current = slice
  const childrenKey = slice.children.join('\u0000')
  // The frame stays the same object while children and view stay the same, so memoised
  // foreach rows that read it are not re-rendered by an unrelated context change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: childrenKey stands for slice.children
  const frame = useMemo<ActorFrame>(() => {
    const children = latestSlice.current.children
    const childIds = new Set(children)
    const layout = viewLayout(view)
    const placed = new Set(layout.placed.filter((id) => childIds.has(id)))
    return {
      actorId,
      childIds,
      rest: children.filter((id) => !placed.has(id)),
      slotKey: layout.slotKey,
      ancestors: new Set([...(ancestors ?? []), actorId]),
      raise(name: ViewEventName, binding, scope: Scope, path: JsonPath, field?: FieldInput) {
        let payload: ReturnType<typeof resolvePayload>
        try {
          payload = resolvePayload(
            binding.payload,
            scope,
            field ? { ...field, eventName: name } : undefined,
          )
        } catch (error) {
          setEventError(ViewError.from(error, [...path, 'payload']))
          return
        }
        store.raise({ from: actorId, event: binding.event, payload })
      },
    }
  }, [actorId, childrenKey, view, ancestors, store])
  const scope = useMemo<Scope>(
    () => ({ context: slice.context, dependencies: slice.dependencies }),
    [slice],
  )

  if (eventError) throw eventError
  return (
    <ActorFrameContext.Provider value={frame}>
      {isLeaf(view)
        ? renderLeaf(view, scope, ['view'], frame, { actorId })
        : renderComposite(view, scope, ['view'], frame, { actorId })}
    </ActorFrameContext.Provider>
  )
}
