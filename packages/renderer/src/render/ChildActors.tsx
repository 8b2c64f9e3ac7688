import { issueCodes, type JsonPath } from '@troupe/core'
import { ActorView } from '../ActorView'
import { ErrorBox } from '../ErrorBox'
import { useActorFrame } from './frame'

/** Child actors in the order given; each is its own memoised, isolated `ActorView`. */
export function ChildActors({ ids }: { ids: readonly string[] }) {
  return ids.map((id) => <ActorView key={id} actorId={id} />)
}

/**
 * Troupe's explicit placement `{ slot, actor }`: the child renders here and not again with
 * the other children. Only the actor's own children can be placed (the parent-child forest
 * decides who renders whom), and not inside a `foreach`, where it would repeat per row.
 */
export function Placement({ actorId, path }: { actorId: string; path: JsonPath }) {
  const frame = useActorFrame()
  if (path.includes('foreach')) {
    return (
      <ErrorBox
        actorId={frame.actorId}
        marksActor={false}
        issues={[
          {
            code: issueCodes.invalidView,
            message: `child actor "${actorId}" cannot be placed inside a foreach`,
            actorId: frame.actorId,
            path,
          },
        ]}
      />
    )
  }
  if (!frame.childIds.has(actorId)) {
    return (
      <ErrorBox
        actorId={frame.actorId}
        marksActor={false}
        issues={[
          {
            code: issueCodes.missingActor,
            message: `"${actorId}" is not a child of this actor`,
            actorId: frame.actorId,
            path,
          },
        ]}
      />
    )
  }
  return <ActorView actorId={actorId} />
}
