import { Repo } from '@automerge/automerge-repo'
import { seededRandom } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import {
  createProject,
  type DocHandle,
  type InstanceDoc,
  instanceState,
  type ProjectDoc,
  projectDefinition,
  raiseEvent,
  raiseEvents,
  readLog,
} from '../src/index'
import {
  exactlyOnceProject,
  expectExactlyOnce,
  nonceEvent,
  peerLinks,
  type Raised,
} from './support/exactly-once'
import { converged } from './support/network'

const PEERS = 3

async function runSeed(seed: number) {
  const random = seededRandom(seed)
  const repos = Array.from({ length: PEERS }, () => new Repo({ network: [] }))
  const links = peerLinks(repos)
  try {
    for (const [i, j] of links.pairs) links.connect(i, j)
    const created = createProject(repos[0]!, { from: exactlyOnceProject() })
    const projects: DocHandle<ProjectDoc>[] = [created.project]
    const instances: DocHandle<InstanceDoc>[] = [created.instance]
    for (const repo of repos.slice(1)) {
      projects.push(await repo.find<ProjectDoc>(created.project.url))
      instances.push(await repo.find<InstanceDoc>(created.instance.url))
    }
    await converged(instances)

    const raised: Raised[] = []
    for (let round = 0; round < 6; round++) {
      // Cut random links (a partition), then every peer raises events on its own copy.
      for (const [i, j] of links.pairs) if (random() < 0.6) links.disconnect(i, j)
      for (let p = 0; p < PEERS; p++) {
        const definition = projectDefinition(projects[p]!.doc())
        const batch = Math.floor(random() * 4)
        const events = Array.from({ length: batch }, (_, k) => {
          const one = { nonce: `s${seed}-r${round}-p${p}-${k}`, create: random() < 0.5 }
          raised.push(one)
          return nonceEvent(one)
        })
        if (random() < 0.5) raiseEvents(instances[p]!, definition, events)
        else for (const event of events) raiseEvent(instances[p]!, definition, event)
      }
      for (const [i, j] of links.pairs) if (random() < 0.5) links.connect(i, j)
    }
    for (const [i, j] of links.pairs) links.connect(i, j)
    await converged(instances)
    return { instances, raised }
  } finally {
    links.cutAll()
    await Promise.all(repos.map((r) => r.shutdown()))
  }
}

// Real repos syncing through a partition take a few seconds on a busy 2-core machine.
describe('exactly once across peers that raise events while partitioned', () => {
  for (const seed of [1, 2, 3, 42, 1337]) {
    it(`seed ${seed}: every message processed once, none lost, all peers equal`, async () => {
      const { instances, raised } = await runSeed(seed)
      const docs = instances.map((h) =>
        JSON.parse(JSON.stringify({ ...h.doc(), log: readLog(h.doc()) })),
      )
      for (const doc of docs.slice(1)) expect(doc).toEqual(docs[0])

      const log = readLog(instances[0]!.doc())
      expectExactlyOnce(log, raised)
      const items = Object.values(instanceState(instances[0]!.doc()).entities.items ?? {})
      const created = log.filter((e) => e.message.type === '@entity/createEntity').length
      expect(items).toHaveLength(created)
      expect(new Set(items.map((i) => i.nonce)).size).toBe(created)
    }, 30_000)
  }
})
