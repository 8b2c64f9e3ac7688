import type { ActorDefinition } from '@troupe/core'
import { receivedTypes, sentEventTypes } from './graphSummary'

/**
 * Actors matching a search, by role or by message type (one they send or one they receive),
 * case-insensitively. An empty search matches nothing, so nothing is highlighted.
 */
export function searchActors(
  actors: Record<string, Pick<ActorDefinition, 'role' | 'view' | 'subscriptions' | 'children'>>,
  text: string,
): string[] {
  const query = text.trim().toLowerCase()
  if (!query) return []
  const received = receivedTypes(actors)
  const hit = (value: string) => value.toLowerCase().includes(query)
  return Object.keys(actors).filter((id) => {
    const actor = actors[id]!
    return (
      hit(actor.role) ||
      hit(id) ||
      sentEventTypes(actor.view).some(hit) ||
      (received.get(id) ?? []).some(hit)
    )
  })
}
