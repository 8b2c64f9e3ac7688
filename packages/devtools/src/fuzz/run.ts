import {
  createProject,
  openProject,
  watchContainers,
  watchProject,
  whenConnected,
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
    const stuck = await converge(peers, transport)
    if (stuck) result.problems.push(stuck)
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
    await Promise.all(transport.repos.map(whenConnected))
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

/** How long the peers may go without any head changing, while they differ, before the run fails. */
const STALL_MS = 20_000
/** Same heads for this long after the last change: a repair written after the merge got out too. */
const SETTLED_MS = 300

/**
 * Heals the network and waits until every peer holds the same heads of both documents with
 * nothing in flight, and no head has changed for SETTLED_MS (a repair written after the merge
 * must reach everyone too). It checks on every head change, and on a short tick for what
 * changes no head (a link coming back, queued messages to deliver). A loaded machine only
 * slows the merging down, so the bound is on standing still, not on the total: the run fails
 * once no head has moved for STALL_MS without the peers converging (they are stuck: a link
 * that stays down, heads that differ with nothing left to send); `limitMs` only stops peers
 * that keep changing without ever agreeing.
 */
async function converge(
  peers: FuzzPeer[],
  transport: Transport,
  limitMs = 240_000,
): Promise<string | undefined> {
  const started = Date.now()
  const handles = peers.flatMap((peer) => [peer.project, peer.instance])
  let lastChange = Date.now()
  let wake = () => {}
  const onHeads = () => {
    lastChange = Date.now()
    wake()
  }
  for (const handle of handles) handle.on('heads-changed', onHeads)
  const key = (peer: FuzzPeer) =>
    `${[...peer.project.heads()].sort().join()}|${[...peer.instance.heads()].sort().join()}`
  try {
    for (;;) {
      const quiet = transport.heal()
      const same = peers.every((peer) => key(peer) === key(peers[0] as FuzzPeer))
      const now = Date.now()
      if (quiet && same && now - lastChange >= SETTLED_MS) return undefined
      if (now - lastChange >= STALL_MS)
        return same
          ? `a peer's link was still not back ${STALL_MS / 1000} s after the last change`
          : `the peers stopped changing ${STALL_MS / 1000} s before they held the same heads`
      if (now - started >= limitMs)
        return `the peers kept changing for ${limitMs / 1000} s without holding the same heads`
      await new Promise<void>((resolve) => {
        const tick = setTimeout(resolve, 50)
        wake = () => {
          clearTimeout(tick)
          resolve()
        }
      })
    }
  } finally {
    for (const handle of handles) handle.off('heads-changed', onHeads)
  }
}
