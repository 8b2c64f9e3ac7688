import { MessageChannel } from 'node:worker_threads'
import type { DocHandle, Repo } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'

type Port = ConstructorParameters<typeof MessageChannelNetworkAdapter>[0]

/**
 * Connects two real repos through a MessageChannel (in memory, same messages as a websocket)
 * and returns a function that cuts the link again: a network partition.
 */
export function link(a: Repo, b: Repo): () => void {
  const { port1, port2 } = new MessageChannel()
  // Node's worker_threads ports are the adapter's MessagePort in all but their type.
  const left = new MessageChannelNetworkAdapter(port1 as unknown as Port)
  const right = new MessageChannelNetworkAdapter(port2 as unknown as Port)
  a.networkSubsystem.addNetworkAdapter(left)
  b.networkSubsystem.addNetworkAdapter(right)
  return () => {
    a.networkSubsystem.removeNetworkAdapter(left)
    b.networkSubsystem.removeNetworkAdapter(right)
    port1.close()
    port2.close()
  }
}

/**
 * Resolves when every handle has the same heads: the peers converged. Event-driven (no
 * sleeping); if they never converge the test's own timeout fails it.
 */
export function converged<T>(handles: DocHandle<T>[]): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const first = [...handles[0]!.heads()].sort().join()
      if (handles.every((h) => [...h.heads()].sort().join() === first)) {
        for (const h of handles) h.off('heads-changed', check)
        resolve()
      }
    }
    for (const h of handles) h.on('heads-changed', check)
    check()
  })
}
