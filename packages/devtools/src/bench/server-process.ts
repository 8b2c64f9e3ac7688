import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { profileArgs } from './server-load'

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const clockTicks = 100 // USER_HZ on Linux; /proc/<pid>/stat counts CPU time in these
const pageBytes = 4096

export interface ServerProcess {
  process: ChildProcess
  /** The lines the server printed, for the regex that found its address. */
  match: RegExpExecArray
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number
  /** Resident memory now, in MiB. */
  rssMiB(): number
  stop(): Promise<void>
}

/**
 * Runs a sync server as its own process (node with tsx's loader), so its CPU and memory can be
 * read from /proc apart from the 50 clients that load it from this process. Resolves when the
 * output matches `ready`.
 */
export function startServerProcess(args: string[], ready: RegExp): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...profileArgs('server'), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TROUPE_LOG_LEVEL: 'warn' },
  })
  let output = ''
  const stat = () => readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`))
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = ready.exec(output)
      if (!match) return
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
      resolve({
        process: child,
        match,
        // Fields after the command: utime is the 12th, stime the 13th, rss (pages) the 22nd.
        cpuSeconds: () => {
          const fields = stat()
          return (Number(fields[11]) + Number(fields[12])) / clockTicks
        },
        rssMiB: () => (Number(stat()[21]) * pageBytes) / 2 ** 20,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGINT')
          }),
      })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', onExit)
  })
}
