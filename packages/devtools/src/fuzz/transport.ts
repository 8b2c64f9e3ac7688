import { type PeerId, Repo } from '@automerge/automerge-repo'
import { clientSharePolicy } from '@troupe/documents'
import { ClientSocketAdapter } from '@troupe/documents/node'
import { ChaosNetwork } from './chaos-network'
import type { Random } from './random'

/** How the fuzz's peers reach each other, and the faults that transport can have. */
export interface Transport {
  repos: Repo[]
  /** True when the peers meet through a sync server, which finds documents only by URL. */
  viaServer: boolean
  /** One network fault or delivery step, chosen by the seed. */
  disturb(random: Random): void
  /** Lets what is in flight arrive (a no-op where the network delivers by itself). */
  flush(): void
  /** Every link up, everything in flight delivered; true once nothing is waiting. */
  heal(): boolean
  stats(): { delivered: number; reordered: number; dropped: number; linkChanges: number }
}

/** Peers meshed over a ChaosNetwork: delays, reordering, lost links. */
export function chaosTransport(count: number, random: Random): Transport {
  const network = new ChaosNetwork(random.next)
  let linkChanges = 0
  const repos = Array.from(
    { length: count },
    (_, i) =>
      new Repo({
        network: [network.adapter()],
        sharePolicy: clientSharePolicy,
        peerId: `peer-${i}` as PeerId,
      }),
  )
  return {
    repos,
    viaServer: false,
    disturb(random) {
      if (random.chance(0.8)) return network.deliver(1 + random.int(8), 0.3)
      const ids = network.peers()
      const a = random.pick(ids) as PeerId
      const b = random.pick(ids) as PeerId
      network.setLink(a, b, !network.isUp(a, b))
      linkChanges++
    },
    flush: () => network.deliverInOrder(),
    heal() {
      network.heal()
      return network.pending() === 0
    },
    stats: () => ({
      delivered: network.delivered,
      reordered: network.reordered,
      dropped: network.dropped,
      linkChanges,
    }),
  }
}

/**
 * Peers that each hold one websocket to a real sync server, through the documents package's
 * client adapter (the one the studio and the CLI use); a fault closes a peer's socket (what
 * was in flight is lost), and its adapter reconnects after `retryMs`. TCP keeps order,
 * so there is no reordering here.
 */
export function websocketTransport(count: number, syncUrl: string, retryMs = 150): Transport {
  const adapters = Array.from({ length: count }, () => new ClientSocketAdapter(syncUrl, retryMs))
  let linkChanges = 0
  return {
    viaServer: true,
    repos: adapters.map(
      (adapter, i) =>
        new Repo({
          network: [adapter],
          sharePolicy: clientSharePolicy,
          peerId: `ws-peer-${i}` as PeerId,
        }),
    ),
    disturb(random) {
      if (!random.chance(0.1)) return
      // An open socket only: closing one still connecting makes ws report an error that the
      // stock adapter rethrows, a fault of the test, not of the network.
      const socket = random.pick(adapters)?.socket
      if (socket?.readyState !== 1) return
      socket.close()
      linkChanges++
    },
    flush: () => {},
    heal: () => adapters.every((adapter) => adapter.isReady()),
    stats: () => ({ delivered: 0, reordered: 0, dropped: 0, linkChanges }),
  }
}
