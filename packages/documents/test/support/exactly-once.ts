import type { Repo } from '@automerge/automerge-repo'
import type { ActorDefinition, ProjectFile, RaisedEvent } from '@troupe/core'
import type { LogEntry } from '@troupe/runtime'
import { expect } from 'vitest'
import { link } from './network'

/**
 * What the exactly-once fuzzes share: the project (`form` creates one entity per event at
 * `list`; `ticker` writes context at itself and `list`), the events they raise, the links
 * they cut and heal, and the check that every event reached each subscriber exactly once.
 */
const actor = (subscriptions: string[], children: string[] = []): ActorDefinition => ({
  role: 'part',
  context: { visible: true },
  view: { container: { layout: 'flex' } },
  subscriptions,
  children,
  dependencies: {},
})

export function exactlyOnceProject(settings?: ProjectFile['settings']): ProjectFile {
  return {
    troupe: 1,
    name: 'Exactly once',
    root: 'root',
    ...(settings ? { settings } : {}),
    actors: {
      root: actor(['root'], ['form', 'ticker', 'list']),
      form: actor(['list']),
      ticker: actor(['ticker', 'list']),
      list: {
        ...actor(['list']),
        context: { visible: true, queries: { items: { schemaName: 'items', items: [] } } },
      },
    },
  }
}

export interface Raised {
  nonce: string
  create: boolean
}

/** An event carrying `nonce`: an entity created at `list`, or a context write. */
export function nonceEvent({ nonce, create }: Raised): RaisedEvent {
  return create
    ? {
        from: 'form',
        event: '@entity/createEntity',
        payload: { schemaName: 'items', entityData: { nonce } },
      }
    : { from: 'ticker', event: '@input/updateContext', payload: { last: nonce } }
}

/** Links between every pair of repos, cut and healed at will: partitions. */
export function peerLinks(repos: Repo[]) {
  const links = new Map<string, () => void>()
  const pairs = repos.flatMap((_, i) =>
    repos.map((_, j) => [i, j] as const).filter(([, j]) => j > i),
  )
  return {
    pairs,
    connect(i: number, j: number) {
      const key = `${i}-${j}`
      if (!links.has(key)) links.set(key, link(repos[i]!, repos[j]!))
    },
    disconnect(i: number, j: number) {
      links.get(`${i}-${j}`)?.()
      links.delete(`${i}-${j}`)
    },
    cutAll() {
      for (const cut of links.values()) cut()
      links.clear()
    },
  }
}

/** Each raised event reached each of its sender's subscribers exactly once, and nothing else. */
export function expectExactlyOnce(log: readonly LogEntry[], raised: readonly Raised[]): void {
  expect(new Set(log.map((e) => e.message.id)).size).toBe(log.length)
  const perNonce = new Map<string, string[]>()
  for (const entry of log) {
    const payload = entry.message.payload as { entityData?: { nonce: string }; last?: string }
    const nonce = payload.entityData?.nonce ?? payload.last
    if (nonce)
      perNonce.set(nonce, [...(perNonce.get(nonce) ?? []), `${entry.message.to}:${entry.outcome}`])
  }
  for (const { nonce, create } of raised) {
    expect((perNonce.get(nonce) ?? []).sort(), nonce).toEqual(
      create ? ['list:handled'] : ['list:handled', 'ticker:handled'],
    )
  }
  expect(log.length).toBe([...perNonce.values()].flat().length)
}
