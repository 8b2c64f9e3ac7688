import { Repo } from '@automerge/automerge-repo'
import {
  type ActorDefinition,
  type ProjectFile,
  type RaisedEvent,
  seededRandom,
} from '@troupe/core'
import { describe, expect, it } from 'vitest'
import {
  createProject,
  type DocHandle,
  type InstanceDoc,
  type ProjectDoc,
  projectDefinition,
  raiseEvent,
  raiseEvents,
  readLog,
} from '../src/index'
import { converged, link } from './support/network'

const actor = (subscriptions: string[], children: string[] = []): ActorDefinition => ({
  role: 'part',
  context: { visible: true },
  view: { container: { layout: 'flex' } },
  subscriptions,
  children,
  dependencies: {},
})

/** `form` creates one entity per event at `list`; `ticker` writes context at itself and `list`. */
const file: ProjectFile = {
  troupe: 1,
  name: 'Exactly once',
  root: 'root',
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

async function runSeed(seed: number) {
  const random = seededRandom(seed)
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
  try {
    for (const [i, j] of pairs()) connect(i, j)
    const created = createProject(repos[0]!, { from: file })
    const projects: DocHandle<ProjectDoc>[] = [created.project]
    const instances: DocHandle<InstanceDoc>[] = [created.instance]
    for (const repo of repos.slice(1)) {
      projects.push(await repo.find<ProjectDoc>(created.project.url))
      instances.push(await repo.find<InstanceDoc>(created.instance.url))
    }
    await converged(instances)

    const raised: { nonce: string; create: boolean }[] = []
    for (let round = 0; round < 6; round++) {
      // Cut random links (a partition), then every peer raises events on its own copy.
      for (const [i, j] of pairs()) if (random() < 0.6) disconnect(i, j)
      for (let p = 0; p < PEERS; p++) {
        const definition = projectDefinition(projects[p]!.doc())
        const batch = Math.floor(random() * 4)
        const events = Array.from({ length: batch }, (_, k): RaisedEvent => {
          const nonce = `s${seed}-r${round}-p${p}-${k}`
          const create = random() < 0.5
          raised.push({ nonce, create })
          return create
            ? {
                from: 'form',
                event: '@entity/createEntity',
                payload: { schemaName: 'items', entityData: { nonce } },
              }
            : { from: 'ticker', event: '@input/updateContext', payload: { last: nonce } }
        })
        if (random() < 0.5) raiseEvents(instances[p]!, definition, events)
        else for (const event of events) raiseEvent(instances[p]!, definition, event)
      }
      for (const [i, j] of pairs()) if (random() < 0.5) connect(i, j)
    }
    for (const [i, j] of pairs()) connect(i, j)
    await converged(instances)
    return { instances, raised }
  } finally {
    for (const cut of links.values()) cut()
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
      // Each event reached each of its sender's subscribers exactly once.
      for (const { nonce, create } of raised) {
        expect((perNonce.get(nonce) ?? []).sort(), nonce).toEqual(
          create ? ['list:handled'] : ['list:handled', 'ticker:handled'],
        )
      }
      expect(log.length).toBe([...perNonce.values()].flat().length)

      const items = Object.values(instances[0]!.doc().entities.items ?? {})
      const created = log.filter((e) => e.message.type === '@entity/createEntity').length
      expect(items).toHaveLength(created)
      expect(new Set(items.map((i) => i.nonce)).size).toBe(created)
    }, 30_000)
  }
})
