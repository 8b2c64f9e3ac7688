/**
 * The baseline of `pnpm bench server`: a bare automerge-repo sync server (a Repo with
 * NodeWSServerAdapter over a ws WebSocketServer, storing on disk with NodeFSStorageAdapter),
 * i.e. without Troupe's access checks, limits and durability layer (fsync, flush before
 * acknowledging). Run as `node --import tsx bare-sync-server.ts <dataDir>`; prints its port.
 */
import { Repo } from '@automerge/automerge-repo'
import { NodeWSServerAdapter } from '@automerge/automerge-repo-network-websocket'
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs'
import { WebSocketServer } from 'ws'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: bare-sync-server.ts <dataDir>')
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
const repo = new Repo({
  // The adapter is typed against its own copy of ws's types; the server is the same ws class.
  network: [
    new NodeWSServerAdapter(wss as unknown as ConstructorParameters<typeof NodeWSServerAdapter>[0]),
  ],
  storage: new NodeFSStorageAdapter(dataDir),
  // A sync server shares every document it is asked for, as automerge-repo's sync-server does.
  sharePolicy: async () => false,
})
wss.on('listening', () => {
  const address = wss.address()
  if (!address || typeof address === 'string') throw new Error('expected a TCP address')
  console.log(`bare sync server listening on ${address.port}`)
})
const stop = async () => {
  await repo.shutdown()
  wss.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
