import { formatIssue, jsonSchema, messageSchema, validateProject } from '@troupe/core'
import { deepEqual, instanceState, readLog, toProjectFile } from '@troupe/documents'
import type { FuzzPeer, Raised } from './actions'

/**
 * What must hold once every peer has everything (each returns the problems it found):
 * - every peer's project and instance documents are identical;
 * - the project is valid against core's model and graph rules: one parent per actor, no
 *   cycles, no reference to a missing actor (validateProject covers all three, and the zod
 *   shape of every actor and view);
 * - the instance's state has the model's shape and agrees with its log, and every message was
 *   processed exactly once: each logged message id appears once, every message a peer logged
 *   is in the merged log, each handled createEntity made exactly one entity, and each context
 *   number is one a logged updateContext wrote.
 */
export function checkInvariants(peers: FuzzPeer[], raised: Raised): string[] {
  const problems: string[] = []
  const [first, ...others] = peers as [FuzzPeer, ...FuzzPeer[]]
  for (const peer of others) {
    for (const which of ['project', 'instance'] as const) {
      const a = first[which]
      const b = peer[which]
      if ([...a.heads()].sort().join() !== [...b.heads()].sort().join())
        problems.push(`${which} heads differ between ${first.name} and ${peer.name}`)
      else if (!deepEqual(a.doc(), b.doc()))
        problems.push(
          `${which} content differs between ${first.name} and ${peer.name} at equal heads`,
        )
    }
  }

  const project = first.project.doc()
  const validation = validateProject(toProjectFile(project))
  if (!validation.ok) {
    for (const issue of validation.issues) problems.push(`project: ${formatIssue(issue)}`)
  }

  const instance = first.instance.doc()
  const state = instanceState(instance)
  for (const [schema, byId] of Object.entries(state.entities)) {
    for (const [id, entity] of Object.entries(byId)) {
      if (!jsonSchema.safeParse(entity).success || entity.id !== id)
        problems.push(`entity ${schema}/${id} is not a JSON object carrying its own id`)
    }
  }
  for (const [id, actor] of Object.entries(state.actors)) {
    if (actor.context !== undefined && !jsonSchema.safeParse(actor.context).success)
      problems.push(`actor ${id}: context is not JSON`)
  }

  const log = readLog(instance)
  const seen = new Map<string, number>()
  const ticks = new Map<string, number>()
  const numbers = new Map<string, Set<number>>()
  for (const entry of log) {
    if (!messageSchema.safeParse(entry.message).success)
      problems.push(`log: message ${entry.message?.id} does not match the message model`)
    seen.set(entry.message.id, (seen.get(entry.message.id) ?? 0) + 1)
    if (entry.outcome !== 'handled') continue
    const payload = entry.message.payload as Record<string, unknown>
    if (entry.message.type === '@entity/createEntity') {
      const by = (payload.entityData as { by: string }).by
      ticks.set(by, (ticks.get(by) ?? 0) + 1)
    }
    if (entry.message.type === '@input/updateContext') {
      const values = numbers.get(entry.message.to) ?? new Set<number>()
      values.add(payload.n as number)
      numbers.set(entry.message.to, values)
    }
  }
  for (const [id, count] of seen) {
    if (count > 1) problems.push(`log: message ${id} appears ${count} times`)
  }
  const missing = [...raised.messageIds].filter((id) => !seen.has(id))
  if (missing.length)
    problems.push(`log: ${missing.length} logged messages lost, e.g. ${missing[0]}`)

  const made = new Map<string, number>()
  for (const entity of Object.values(state.entities.ticks ?? {})) {
    const by = entity.by as string
    made.set(by, (made.get(by) ?? 0) + 1)
  }
  for (const by of new Set([...made.keys(), ...ticks.keys()])) {
    if ((made.get(by) ?? 0) !== (ticks.get(by) ?? 0))
      problems.push(
        `state vs log: tick ${by} handled ${ticks.get(by) ?? 0} times but made ${made.get(by) ?? 0} entities`,
      )
  }
  for (const [id, actor] of Object.entries(state.actors)) {
    const n = actor.context?.n
    if (n !== undefined && !numbers.get(id)?.has(n as number))
      problems.push(`state vs log: actor ${id} holds n=${n}, which no logged message wrote`)
  }
  return problems
}
