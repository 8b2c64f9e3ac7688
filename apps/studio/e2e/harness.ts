import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromiumArgs, chromiumPath } from '@troupe/devtools/chromium'
import { type Browser, type BrowserContext, chromium } from 'playwright-core'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

export interface RunningServer {
  url: string
  port: number
  dataDir: string
  /** The owner login link the server printed (http://localhost:PORT/?token=…). */
  loginUrl: string
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
      // The server prints the address and the login link in one write.
      const login = /Log in with (http\S+)/.exec(output)
      if (/running at http/i.test(output) && login) {
        child.stdout?.off('data', onData)
        const loginUrl = login[1] as string
        loginUrls.set(port, loginUrl)
        resolve({
          url: `http://localhost:${port}`,
          port,
          dataDir,
          loginUrl,
          process: child,
          stop: () =>
            new Promise((done) => {
              loginUrls.delete(port)
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

/** Login links of the servers this harness started and has not stopped, by port. */
const loginUrls = new Map<number, string>()

/**
 * Logs a browser context in to a server as a person does, by opening the printed login link:
 * the server answers with the session cookie, which the context keeps for its pages.
 */
export async function login(context: BrowserContext, loginUrl: string): Promise<void> {
  const response = await context.request.get(loginUrl, { maxRedirects: 0 })
  if (response.status() !== 303)
    throw new Error(`login link answered ${response.status()}: ${await response.text()}`)
}

/**
 * Chromium whose every new context is already logged in to each running server started by
 * `startServer`, so tests open studio pages as the owner. A test that wants a logged-out
 * page uses `launchBrowser({ login: false })`.
 */
export async function launchBrowser(options: { login?: boolean } = {}): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
  })
  if (options.login === false) return browser
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (contextOptions) => {
    const context = await newContext(contextOptions)
    for (const url of loginUrls.values()) await login(context, url)
    return context
  }
  return browser
}
