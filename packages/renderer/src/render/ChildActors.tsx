import { issueCodes, type JsonPath, type TroupeIssue } from '@troupe/core'
import type { Key, ReactNode } from 'react'
import { ActorView } from '../ActorView'
import { ErrorBox } from '../ErrorBox'
import type { ActorFrame } from './frame'

/** Child actors in the order given; each is its own memoised, isolated `ActorView`. */
export function childActors(ids: readonly string[]): ReactNode[] {
  return ids.map((id) => <ActorView key={`actor:${id}`} actorId={id} />)
}

/**
 * Troupe's explicit placement `{ slot, actor }`: the child renders here and not again with
 * the other children. Only the actor's own children can be placed (the parent-child forest
 * decides who renders whom), and not inside a `foreach`, where it would repeat per row.
 */
export function renderPlacement(
  actorId: string,
  path: JsonPath,
  frame: ActorFrame,
  key: Key,
): ReactNode {
  const problem = (code: TroupeIssue['code'], message: string) => (
    <ErrorBox
      key={key}
      actorId={frame.actorId}
      marksActor={false}
      issues={[{ code, message, actorId: frame.actorId, path }]}
    />
  )
  if (path.includes('foreach')) {
    return problem(
      issueCodes.invalidView,
      `child actor "${actorId}" cannot be placed inside a foreach`,
    )
  }
  if (!frame.childIds.has(actorId)) {
    return problem(issueCodes.missingActor, `"${actorId}" is not a child of this actor`)
  }
  return <ActorView key={key} actorId={actorId} />
}
