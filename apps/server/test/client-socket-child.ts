/**
 * A client process for client-socket.test.ts: `node --import tsx client-socket-child.ts
 * <mode> <url>`. Runs one scenario of the client socket against the test's server in a Node
 * process of its own, where an 'error' event nobody listens to ends the process as it would
 * end a CLI or a benchmark client; prints what it saw and exits 0.
 * - shutdown-connecting: the server holds the upgrade; shut down while the socket connects.
 * - no-reconnect: the server closes each connection at once; shut down after the first close,
 *   then report whether the adapter opened a socket again.
 */
import { ClientSocketAdapter, createNodeRepo } from '@troupe/documents/node'

const [mode, url] = process.argv.slice(2)
if (!url) throw new Error('usage: client-socket-child.ts <mode> <url>')
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms))

if (mode === 'shutdown-connecting') {
  const adapter = new ClientSocketAdapter(url, 60_000)
  const repo = createNodeRepo({ network: [adapter] })
  // stdin carries one line from the test once the server holds the upgrade request.
  process.stdin.once('data', async () => {
    const state = adapter.socket?.readyState
    await repo.shutdown()
    await pause(200)
    console.log(`shut down cleanly (socket state was ${state})`)
    process.exit(0)
  })
} else if (mode === 'no-reconnect') {
  const adapter = new ClientSocketAdapter(url, 200)
  const repo = createNodeRepo({ network: [adapter] })
  // Registered after the adapter's own listener on its current socket: when it runs, the
  // adapter has scheduled its reconnect.
  const listen = () => {
    if (!adapter.socket) return setTimeout(listen, 5)
    adapter.socket.addEventListener('close', async () => {
      await repo.shutdown()
      await pause(700)
      console.log(adapter.socket ? 'reconnected after shutdown' : 'stayed shut down')
      process.exit(0)
    })
  }
  listen()
} else throw new Error(`unknown mode ${mode}`)
