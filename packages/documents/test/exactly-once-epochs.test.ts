import { Repo } from '@automerge/automerge-repo'
import type { ActorDefinition, ProjectFile, RaisedEvent } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import {
  createProject,
  type DocHandle,
  historyEntries,
  type InstanceDoc,
  LiveInstance,
  loadEarlierEpochs,
  type ProjectDoc,
  projectDefinition,
} from '../src/index'
import { link, seeded } from './support/network'

/**
 * The exactly-once fuzz of exactly-once.test.ts with epochs of three messages: peers rotate
 * while partitioned, so concurrent rotations, lost rotations and late writes into rotated
 * epochs happen in every seed. After healing, every peer must run the same current epoch with
 * the same state, and the instance's history must hold every message exactly once.
 */

const actor = (subscriptions: string[], children: string[] = []): ActorDefinition => ({
  role: 'part',
  context: { visible: true },
  view: { container: { layout: 'flex' } },
  subscriptions,
  children,
  dependencies: {},
})

const file: ProjectFile = {
  troupe: 1,
  name: 'Exactly once across epochs',
  root: 'root',
  settings: { epochSize: 3 },
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

const PEERS = 3

async function quiet(lives: LiveInstance[]): Promise<void> {
  // Waits on the condition (same current epoch everywhere, same heads, nothing running),
  // checked after every round of background work; the test's timeout bounds it.
  let stableRounds = 0
  while (stableRounds < 3) {
    await Promise.all(lives.map((live) => live.settled()))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const urls = new Set(lives.map((live) => live.epoch.url))
    const heads = new Set(lives.map((live) => [...live.epoch.heads()].sort().join()))
    stableRounds = urls.size === 1 && heads.size === 1 ? stableRounds + 1 : 0
  }
}

async function runSeed(seed: number) {
  const random = seeded(seed)
  const repos = Array.from({ length: PEERS }, () => new Repo({ network: [] }))
  const links = new Map<string, () => void>()
  const connect = (i: number, j: number) => {
    const key = `${i}-${j}`
    if (!links.has(key)) links.set(key, link(repos[i]!, repos[j]!))
  }
  const disconnect = (i: number, j: number) => {
    links.get(`${i}-${j}`)?.()
    links.delete(`${i}-${j}`)
  }
  const pairs = () =>
    repos.flatMap((_, i) => repos.map((_, j) => [i, j] as const).filter(([, j]) => j > i))
  const lives: LiveInstance[] = []
  try {
    for (const [i, j] of pairs()) connect(i, j)
    const created = createProject(repos[0]!, { from: file })
    const projects: DocHandle<ProjectDoc>[] = [created.project]
    const instances: DocHandle<InstanceDoc>[] = [created.instance]
    for (const repo of repos.slice(1)) {
      projects.push(await repo.find<ProjectDoc>(created.project.url))
      instances.push(await repo.find<InstanceDoc>(created.instance.url))
    }
    const seen = new Map<string, DocHandle<InstanceDoc>>([[created.instance.url, created.instance]])
    for (const [p, repo] of repos.entries()) {
      const live = new LiveInstance(repo, instances[p]!)
      live.onEpoch((epoch) => seen.set(epoch.url, epoch))
      lives.push(live)
    }

    const raised: { nonce: string; create: boolean }[] = []
    for (let round = 0; round < 8; round++) {
      for (const [i, j] of pairs()) if (random() < 0.6) disconnect(i, j)
      for (let p = 0; p < PEERS; p++) {
        const definition = projectDefinition(projects[p]!.doc())
        const count = Math.floor(random() * 5)
        for (let k = 0; k < count; k++) {
          const nonce = `s${seed}-r${round}-p${p}-${k}`
          const create = random() < 0.5
          raised.push({ nonce, create })
          const event: RaisedEvent = create
            ? {
                from: 'form',
                event: '@entity/createEntity',
                payload: { schemaName: 'items', entityData: { nonce } },
              }
            : { from: 'ticker', event: '@input/updateContext', payload: { last: nonce } }
          lives[p]!.raise(definition, [event])
        }
        // Let some background work (following, forwarding) run mid-partition too.
        if (random() < 0.5) await new Promise((resolve) => setTimeout(resolve, 5))
      }
      for (const [i, j] of pairs()) if (random() < 0.5) connect(i, j)
    }
    for (const [i, j] of pairs()) connect(i, j)
    await quiet(lives)
    const histories = []
    for (const [p, live] of lives.entries()) {
      await loadEarlierEpochs(repos[p]!, live.epoch)
      histories.push(historyEntries(live.epoch).map((h) => h.entry))
    }
    // What the seed exercised: rotations lost to a concurrent one, and forwarded late writes.
    const docs = [...seen.values()].map((h) => h.doc())
    const lost = docs.filter((doc) => doc.supersededBy).length
    const forwarded = docs.filter((doc) =>
      Object.keys(doc.included ?? {}).some((url) => url !== doc.previous?.url),
    ).length
    return { lives, histories, raised, epochs: seen.size, lost, forwarded }
  } finally {
    for (const live of lives) live.close()
    for (const cut of links.values()) cut()
    await Promise.all(repos.map((r) => r.shutdown()))
  }
}

describe('exactly once across peers that rotate epochs while partitioned', () => {
  for (const seed of [1, 2, 3, 42, 1337, 2026]) {
    it(`seed ${seed}: one current epoch, every message once, none lost, all peers equal`, async () => {
      const { lives, histories, raised, epochs, lost, forwarded } = await runSeed(seed)
      // Each seed rotates several times, and at least once concurrently or late.
      expect(epochs).toBeGreaterThan(3)
      expect(lost + forwarded, `lost ${lost}, forwarded ${forwarded}`).toBeGreaterThan(0)
      const states = lives.map((live) => {
        const { actors, entities } = live.epoch.doc()
        return JSON.parse(JSON.stringify({ actors, entities }))
      })
      for (const state of states.slice(1)) expect(state).toEqual(states[0])
      const ids = (log: (typeof histories)[number]) => log.map((e) => e.message.id).sort()
      for (const history of histories.slice(1)) expect(ids(history)).toEqual(ids(histories[0]!))

      const log = histories[0]!
      expect(new Set(log.map((e) => e.message.id)).size).toBe(log.length)
      const perNonce = new Map<string, string[]>()
      for (const entry of log) {
        const payload = entry.message.payload as { entityData?: { nonce: string }; last?: string }
        const nonce = payload.entityData?.nonce ?? payload.last
        if (nonce)
          perNonce.set(nonce, [
            ...(perNonce.get(nonce) ?? []),
            `${entry.message.to}:${entry.outcome}`,
          ])
      }
      for (const { nonce, create } of raised) {
        expect((perNonce.get(nonce) ?? []).sort(), nonce).toEqual(
          create ? ['list:handled'] : ['list:handled', 'ticker:handled'],
        )
      }
      expect(log.length).toBe([...perNonce.values()].flat().length)

      // Every created entity is in the current epoch's state, once.
      const items = Object.values(states[0].entities.items ?? {}) as { nonce: string }[]
      const created = raised.filter((r) => r.create).map((r) => r.nonce)
      expect(items.map((i) => i.nonce).sort()).toEqual(created.sort())
    }, 120_000)
  }
})
