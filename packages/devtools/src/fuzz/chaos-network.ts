import {
  type Message,
  NetworkAdapter,
  type PeerId,
  type PeerMetadata,
} from '@automerge/automerge-repo'

/**
 * An in-memory network for automerge-repo peers that misbehaves on purpose: links between
 * two peers go down and up (a down link drops what was in flight, as a closed socket does),
 * and messages wait in per-direction queues until `deliver` hands them over, possibly out of
 * order. Nothing is delivered by itself, so the fuzz decides every delay; `heal` brings every
 * link up and delivers everything in order, the way a network that recovered does.
 */
export class ChaosNetwork {
  readonly #adapters = new Map<PeerId, ChaosAdapter>()
  readonly #down = new Set<string>()
  readonly #queues = new Map<string, Message[]>()
  readonly #random: () => number
  delivered = 0
  dropped = 0
  reordered = 0

  constructor(random: () => number) {
    this.#random = random
  }

  /** A new adapter for one peer's Repo; it meets every other connected peer whose link is up. */
  adapter(): ChaosAdapter {
    return new ChaosAdapter(this)
  }

  peers(): PeerId[] {
    return [...this.#adapters.keys()]
  }

  isUp(a: PeerId, b: PeerId): boolean {
    return !this.#down.has(pair(a, b))
  }

  /** Takes the link between a and b down (in-flight messages are lost) or up (they meet again). */
  setLink(a: PeerId, b: PeerId, up: boolean): void {
    if (a === b || this.isUp(a, b) === up) return
    const left = this.#adapters.get(a)
    const right = this.#adapters.get(b)
    if (up) {
      this.#down.delete(pair(a, b))
      if (left && right) meet(left, right)
      return
    }
    this.#down.add(pair(a, b))
    for (const key of [`${a}>${b}`, `${b}>${a}`]) {
      this.dropped += this.#queues.get(key)?.length ?? 0
      this.#queues.delete(key)
    }
    left?.emit('peer-disconnected', { peerId: b })
    right?.emit('peer-disconnected', { peerId: a })
  }

  pending(): number {
    let count = 0
    for (const queue of this.#queues.values()) count += queue.length
    return count
  }

  /**
   * Delivers up to `count` waiting messages, each from a random direction; with `reorder`,
   * a random message of that direction's queue instead of its oldest.
   */
  deliver(count: number, reorder: number): void {
    for (let i = 0; i < count; i++) {
      const busy = [...this.#queues.entries()].filter(([, queue]) => queue.length > 0)
      if (!busy.length) return
      const [key, queue] = busy[Math.floor(this.#random() * busy.length)] as [string, Message[]]
      const index =
        queue.length > 1 && this.#random() < reorder ? Math.floor(this.#random() * queue.length) : 0
      if (index > 0) this.reordered++
      const [message] = queue.splice(index, 1) as [Message]
      this.#adapters.get(key.split('>')[1] as PeerId)?.receive(message)
      this.delivered++
    }
  }

  /** Every link up, then everything in flight delivered in order. */
  heal(): void {
    for (const a of this.#adapters.keys())
      for (const b of this.#adapters.keys()) if (a < b) this.setLink(a, b, true)
    this.deliverInOrder()
  }

  deliverInOrder(): void {
    for (const [key, queue] of this.#queues) {
      const target = this.#adapters.get(key.split('>')[1] as PeerId)
      while (queue.length) {
        target?.receive(queue.shift() as Message)
        this.delivered++
      }
    }
  }

  join(adapter: ChaosAdapter): void {
    const peerId = adapter.peerId as PeerId
    this.#adapters.set(peerId, adapter)
    for (const [other, peer] of this.#adapters) {
      if (other !== peerId && this.isUp(peerId, other)) meet(adapter, peer)
    }
  }

  leave(adapter: ChaosAdapter): void {
    const peerId = adapter.peerId as PeerId
    this.#adapters.delete(peerId)
    for (const peer of this.#adapters.values()) peer.emit('peer-disconnected', { peerId })
  }

  send(message: Message): void {
    const { senderId, targetId } = message
    if (!this.#adapters.has(targetId) || !this.isUp(senderId, targetId)) {
      this.dropped++
      return
    }
    const key = `${senderId}>${targetId}`
    const queue = this.#queues.get(key) ?? []
    queue.push(message)
    this.#queues.set(key, queue)
  }
}

/** automerge-repo's adapter contract over a ChaosNetwork: ready at once, one per Repo. */
export class ChaosAdapter extends NetworkAdapter {
  readonly #network: ChaosNetwork

  constructor(network: ChaosNetwork) {
    super()
    this.#network = network
  }

  isReady(): boolean {
    return true
  }

  whenReady(): Promise<void> {
    return Promise.resolve()
  }

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId
    this.peerMetadata = peerMetadata ?? {}
    this.#network.join(this)
  }

  send(message: Message): void {
    this.#network.send(message)
  }

  disconnect(): void {
    this.#network.leave(this)
    this.emit('close')
  }

  receive(message: Message): void {
    this.emit('message', message)
  }
}

function pair(a: PeerId, b: PeerId): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`
}

function meet(a: ChaosAdapter, b: ChaosAdapter): void {
  a.emit('peer-candidate', { peerId: b.peerId as PeerId, peerMetadata: b.peerMetadata ?? {} })
  b.emit('peer-candidate', { peerId: a.peerId as PeerId, peerMetadata: a.peerMetadata ?? {} })
}
