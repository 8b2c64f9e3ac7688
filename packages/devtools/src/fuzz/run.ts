import {
  createProject,
  openProject,
  watchContainers,
  watchProject,
  whenSynced,
} from '@troupe/documents'
import { type FuzzPeer, type Raised, randomEdit } from './actions'
import { checkInvariants } from './invariants'
import { fuzzProject } from './project'
import { Random } from './random'
import { chaosTransport, type Transport, websocketTransport } from './transport'

export interface FuzzOptions {
  seed: number
  /** Random steps (edits, deliveries, faults) before the network heals. Default 200. */
  steps?: number
  /** 3 to 5 peers; the seed picks when not given. */
  peers?: number
  /** Through a real sync server instead of the in-memory chaos network. */
  syncUrl?: string
}

export interface FuzzResult {
  seed: number
  peers: number
  transport: 'memory' | 'websocket'
  edits: number
  refused: number
  delivered: number
  reordered: number
  dropped: number
  linkChanges: number
  /** Empty when every invariant held. */
  problems: string[]
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One seeded chaos run: 3-5 real automerge-repo peers open one project; each step is a random
 * edit on a random peer (graph, view, context, runtime events), a network fault or delivery,
 * or a pause that lets automerge-repo's throttled syncs (100 ms) run. Then the network heals
 * and, once every peer holds the same heads, the invariants are checked.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const random = new Random(options.seed)
  const count = options.peers ?? 3 + random.int(3)
  const transport = options.syncUrl
    ? websocketTransport(count, options.syncUrl)
    : chaosTransport(count, random)
  const result: FuzzResult = {
    seed: options.seed,
    peers: count,
    transport: options.syncUrl ? 'websocket' : 'memory',
    edits: 0,
    refused: 0,
    delivered: 0,
    reordered: 0,
    dropped: 0,
    linkChanges: 0,
    problems: [],
  }
  try {
    const peers = await openEverywhere(transport)
    const raised: Raised = { messageIds: new Set(), next: 0 }
    for (let step = 0; step < (options.steps ?? 200); step++) {
      const what = random.weighted({ edit: 5, network: 5, wait: 1 })
      if (what === 'edit') {
        const outcome = randomEdit(random.pick(peers) as FuzzPeer, random, raised)
        result.edits++
        if (outcome.refused) result.refused++
      } else if (what === 'network') transport.disturb(random)
      else await pause(random.int(30))
      await pause(0)
    }
    const converged = await converge(peers, transport)
    if (!converged) result.problems.push('the peers did not converge within 30 s of healing')
    result.problems.push(...checkInvariants(peers, raised))
  } catch (error) {
    result.problems.push(String((error as Error).stack ?? error))
  } finally {
    Object.assign(result, transport.stats())
    await Promise.all(transport.repos.map((repo) => repo.shutdown().catch(() => {})))
  }
  return result
}

/**
 * Set-up while the network behaves: the first peer creates the project (and its instance),
 * every other peer opens it; each runs the repairs the studio runs beside an open project.
 */
async function openEverywhere(transport: Transport): Promise<FuzzPeer[]> {
  const [first, ...others] = transport.repos as [Transport['repos'][0], ...Transport['repos']]
  const created = createProject(first, { from: fuzzProject })
  const calm = <T>(work: Promise<T>): Promise<T> => {
    let done = false
    const flushing = (async () => {
      while (!done) {
        transport.flush()
        await pause(5)
      }
    })()
    return work.finally(async () => {
      done = true
      await flushing
    })
  }
  // Over a server that announces nothing, the others can find the documents only once it has them.
  if (transport.viaServer) {
    await Promise.all(transport.repos.map((repo) => repo.networkSubsystem.whenReady()))
    await whenSynced(first, created.project)
    await whenSynced(first, created.instance)
  }
  const opened = await calm(
    Promise.all(others.map((repo) => openProject(repo, created.project.url))),
  )
  const peers: FuzzPeer[] = [{ name: 'peer-0', ...created }]
  for (const [i, handles] of opened.entries()) peers.push({ name: `peer-${i + 1}`, ...handles })
  for (const peer of peers) {
    watchProject(peer.project)
    watchContainers(peer.instance)
  }
  return peers
}

/**
 * Heals the network and waits until every peer holds the same heads of both documents with
 * nothing in flight, steadily for 300 ms (a repair written after the merge must reach
 * everyone too). False after `timeoutMs`; the invariants then report the difference.
 */
async function converge(
  peers: FuzzPeer[],
  transport: Transport,
  timeoutMs = 30_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  const key = (peer: FuzzPeer) =>
    `${[...peer.project.heads()].sort().join()}|${[...peer.instance.heads()].sort().join()}`
  let stableSince: number | undefined
  while (Date.now() < deadline) {
    const quiet = transport.heal()
    await pause(50)
    if (quiet && peers.every((peer) => key(peer) === key(peers[0] as FuzzPeer))) {
      stableSince ??= Date.now()
      if (Date.now() - stableSince >= 300) return true
    } else stableSince = undefined
  }
  return false
}
