import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

export interface ChildServer {
  process: ChildProcess
  url: string
  ownerSyncUrl: string
  output(): string
  /** SIGKILL: no shutdown hook runs, nothing is flushed; resolves once the process is gone. */
  kill(): Promise<void>
}

/** The real server as its own process (`tsx apps/server/src/main.ts`), on a free port. */
export function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  // node with tsx's loader, not the tsx CLI: the CLI runs the server as a grandchild, and a
  // SIGKILL (which cannot be forwarded) would leave that server running.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'apps/server/src/main.ts', '--port', '0', '--data', dataDir],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TROUPE_LOG_LEVEL: 'warn', ...env },
    },
  )
  let output = ''
  let ready = false
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (ready) return
      const address = /running at (http:\/\/\S+)/.exec(output)
      const login = /Log in with \S+\?token=(\S+)/.exec(output)
      if (!address || !login) return
      ready = true
      child.off('exit', onExit)
      const url = (address[1] as string).replace('localhost', '127.0.0.1')
      resolve({
        process: child,
        url,
        output: () => output,
        ownerSyncUrl: `${url.replace(/^http/, 'ws')}/sync?token=${login[1]}`,
        kill: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGKILL')
          }),
      })
    }
    const onExit = (code: number | null) =>
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`))
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', onExit)
  })
}
