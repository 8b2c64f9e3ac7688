import { Repo } from '@automerge/automerge-repo'
import { seededRandom } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import {
  createProject,
  type DocHandle,
  historyEntries,
  type InstanceDoc,
  instanceState,
  LiveInstance,
  loadEarlierEpochs,
  type ProjectDoc,
  projectDefinition,
} from '../src/index'
import {
  exactlyOnceProject,
  expectExactlyOnce,
  nonceEvent,
  peerLinks,
  type Raised,
} from './support/exactly-once'
import { converged } from './support/network'

/**
 * The exactly-once fuzz of exactly-once.test.ts with epochs of three messages: peers rotate
 * while partitioned, so concurrent rotations, lost rotations and late writes into rotated
 * epochs happen in every seed. After healing, every peer must run the same current epoch with
 * the same state, and the instance's history must hold every message exactly once.
 */

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
  const random = seededRandom(seed)
  const repos = Array.from({ length: PEERS }, () => new Repo({ network: [] }))
  const links = peerLinks(repos)
  const lives: LiveInstance[] = []
  try {
    for (const [i, j] of links.pairs) links.connect(i, j)
    const created = createProject(repos[0]!, { from: exactlyOnceProject({ epochSize: 3 }) })
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

    const raised: Raised[] = []
    const raise = (p: number, nonce: string) => {
      const one = { nonce, create: random() < 0.5 }
      raised.push(one)
      lives[p]!.raise(projectDefinition(projects[p]!.doc()), [nonceEvent(one)])
    }
    // First every peer fills the first epoch on its own, cut off from the others: three
    // concurrent rotations of one epoch, so every seed has lost rotations to settle and the
    // losers' writes to forward. Then random partitions do the rest.
    await converged(instances)
    links.cutAll()
    for (let p = 0; p < PEERS; p++) for (let k = 0; k < 4; k++) raise(p, `s${seed}-cut-p${p}-${k}`)
    for (let round = 0; round < 8; round++) {
      for (const [i, j] of links.pairs) if (random() < 0.6) links.disconnect(i, j)
      for (let p = 0; p < PEERS; p++) {
        const count = Math.floor(random() * 5)
        for (let k = 0; k < count; k++) raise(p, `s${seed}-r${round}-p${p}-${k}`)
        // Let some background work (following, forwarding) run mid-partition too.
        if (random() < 0.5) await new Promise((resolve) => setTimeout(resolve, 5))
      }
      for (const [i, j] of links.pairs) if (random() < 0.5) links.connect(i, j)
    }
    for (const [i, j] of links.pairs) links.connect(i, j)
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
    links.cutAll()
    await Promise.all(repos.map((r) => r.shutdown()))
  }
}

describe('exactly once across peers that rotate epochs while partitioned', () => {
  for (const seed of [1, 2, 3, 42, 1337, 2026]) {
    it(`seed ${seed}: one current epoch, every message once, none lost, all peers equal`, async () => {
      const { lives, histories, raised, epochs, lost, forwarded } = await runSeed(seed)
      // Each seed rotates several times, concurrently, and forwards the losers' writes.
      expect(epochs).toBeGreaterThan(3)
      expect(lost).toBeGreaterThanOrEqual(2)
      expect(forwarded).toBeGreaterThan(0)
      const states = lives.map((live) => {
        const { actors, entities } = instanceState(live.epoch.doc())
        return JSON.parse(JSON.stringify({ actors, entities }))
      })
      for (const state of states.slice(1)) expect(state).toEqual(states[0])
      const ids = (log: (typeof histories)[number]) => log.map((e) => e.message.id).sort()
      for (const history of histories.slice(1)) expect(ids(history)).toEqual(ids(histories[0]!))

      expectExactlyOnce(histories[0]!, raised)

      // Every created entity is in the current epoch's state, once.
      const items = Object.values(states[0].entities.items ?? {}) as { nonce: string }[]
      const created = raised.filter((r) => r.create).map((r) => r.nonce)
      expect(items.map((i) => i.nonce).sort()).toEqual(created.sort())
    }, 120_000)
  }
})
