import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromiumArgs, chromiumPath } from '@troupe/devtools/chromium'
import { type Browser, chromium } from 'playwright-core'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

export interface RunningServer {
  url: string
  port: number
  dataDir: string
  process: ChildProcess
  /** Stops it the way a person does, with Ctrl-C (SIGINT), and waits for it to exit. */
  stop(): Promise<number | null>
}

/**
 * Starts the real server the way `npm start` does (tsx apps/server/src/main.ts), serving the
 * built studio, on its own port and data folder.
 */
export function startServer(
  options: { dataDir?: string; port?: number } = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'troupe-e2e-'))
  const port = options.port ?? 20000 + Math.floor(Math.random() * 20000)
  const child = spawn(
    join(repoRoot, 'node_modules/.bin/tsx'),
    ['apps/server/src/main.ts', '--port', String(port), '--data', dataDir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (/running at http/i.test(output)) {
        child.stdout?.off('data', onData)
        resolve({
          url: `http://localhost:${port}`,
          port,
          dataDir,
          process: child,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done(child.exitCode)
              child.once('exit', (code) => done(code))
              child.kill('SIGINT')
            }),
        })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) => {
      // A server that dies during a test is a failure worth seeing: print what it said.
      if (code !== 0) console.error(`server on port ${port} exited with ${code}:\n${output}`)
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`))
    })
  })
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true })
}
