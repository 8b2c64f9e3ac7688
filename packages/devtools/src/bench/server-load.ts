import { type ChildProcess, fork } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Repo } from '@automerge/automerge-repo'
import {
  createProject,
  type InstanceDoc,
  instanceState,
  type ProjectDoc,
  readLog,
} from '@troupe/documents'
import { whenSynced } from '@troupe/documents/node'
import { connectedRepo } from './server-connect'
import type { FromGroup, GroupConfig, GroupResult, Stamp, ToGroup } from './server-load-group'
import { benchProjectFile, clientActor } from './server-project'

export interface LoadOptions {
  syncUrl: string
  clients: number
  observers: number
  /** Processes the writer clients are spread over (each observer gets a process of its own). */
  writerProcesses: number
  seconds: number
  /** Writes per second per client, alternating a project edit and an event. */
  rate: number
  label: string
  /** The clients' sync throttle (ms); Troupe's own (SYNC_THROTTLE_MS) when not given. */
  syncThrottleMs?: number
  /**
   * Called once every client is connected and has the documents, just before the writes
   * start: the server's CPU is counted from here, as each client process counts its own.
   */
  onStart?: () => void
}

export interface LoadFigures {
  /** ms from a write on one client until an observer client (in another process) sees it. */
  projectLatency: number[]
  eventLatency: number[]
  writes: number
  /** Stamped writes missing on a fresh client after the run (0 = nothing lost). */
  lost: number
  lostDetail: string[]
  /** Times a client's connection to the server dropped during the run (each then reconnects). */
  disconnects: number
  /** The worst client process's event-loop delay during the run, p99 and max (ms). */
  clientLoopDelayP99: number
  clientLoopDelayMax: number
  /** CPU seconds all client processes used during the run. */
  clientCpuSeconds: number
}

const groupScript = fileURLToPath(new URL('./server-load-group.ts', import.meta.url))
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

/**
 * TROUPE_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every client process (and the
 * server, see server-process.ts) there, to see where the time goes.
 */
export function profileArgs(name: string): string[] {
  const dir = process.env.TROUPE_BENCH_CPU_PROF
  // One folder per kind of process: Node names each thread's profile itself (the tsx loader
  // runs in a thread of its own, and one fixed name would let its profile overwrite the main one).
  return dir ? ['--cpu-prof', '--cpu-prof-dir', join(dir, name)] : []
}

/** A forked client process, and a way to wait for its next message of a type. */
class Group {
  readonly child: ChildProcess
  readonly #waiting = new Map<
    FromGroup['type'],
    { resolve: (message: FromGroup) => void; reject: (error: Error) => void }
  >()

  constructor(config: GroupConfig) {
    this.child = fork(groupScript, [], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx', ...profileArgs('client')],
      stdio: 'inherit',
    })
    this.child.on('message', (message: FromGroup) => {
      this.#waiting.get(message.type)?.resolve(message)
      this.#waiting.delete(message.type)
    })
    this.child.on('exit', (code) => {
      for (const waiting of this.#waiting.values())
        waiting.reject(new Error(`a client process of the load exited with ${code}`))
      this.#waiting.clear()
    })
    this.tell({ type: 'config', config })
  }

  tell(message: ToGroup): void {
    this.child.send(message)
  }

  next<T extends FromGroup['type']>(type: T): Promise<Extract<FromGroup, { type: T }>> {
    return new Promise((resolve, reject) => {
      this.#waiting.set(type, {
        resolve: (message) => resolve(message as Extract<FromGroup, { type: T }>),
        reject,
      })
    })
  }

  exit(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve()
    return new Promise((done) => {
      const kill = setTimeout(() => this.child.kill('SIGKILL'), 10_000)
      this.child.once('exit', () => {
        clearTimeout(kill)
        done()
      })
      this.tell({ type: 'exit' })
    })
  }
}

/**
 * The load of `pnpm bench server`: this process creates one project and shuts its repo down;
 * `clients` writer repos, spread over `writerProcesses` forked processes, each with its own
 * websocket to the server, write at a steady rate, and `observers` repos, one process each,
 * time when each stamp arrives. Afterwards a fresh repo here opens the project from the
 * server, and every writer's last stamps and logged message ids must be there.
 */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const creator = await connectedRepo(options.syncUrl, undefined, options.syncThrottleMs)
  const created = createProject(creator, { from: benchProjectFile('Load', options.clients) })
  await whenSynced(creator, created.project)
  await whenSynced(creator, created.instance)
  await creator.shutdown()

  const base = {
    syncUrl: options.syncUrl,
    projectUrl: created.project.url,
    instanceUrl: created.instance.url,
    totalWriters: options.clients,
    rate: options.rate,
    ...(options.syncThrottleMs === undefined ? {} : { syncThrottleMs: options.syncThrottleMs }),
  }
  const writerGroups: Group[] = []
  const observerGroups: Group[] = []
  let fresh: Repo | undefined
  try {
    for (let p = 0; p < options.writerProcesses; p++) {
      const writers: number[] = []
      for (let i = p; i < options.clients; i += options.writerProcesses) writers.push(i)
      writerGroups.push(new Group({ ...base, writers, observers: 0 }))
    }
    for (let o = 0; o < options.observers; o++)
      observerGroups.push(new Group({ ...base, writers: [], observers: 1 }))
    const groups = [...writerGroups, ...observerGroups]
    await Promise.all(groups.map((group) => group.next('ready')))
    console.log(
      `  ${options.label}: ${options.clients} clients in ${writerGroups.length} processes and ${observerGroups.length} observers (one process each) connected`,
    )

    const startAt = performance.timeOrigin + performance.now() + 500
    options.onStart?.()
    for (const group of groups) group.tell({ type: 'go', startAt })
    const interval = 1000 / options.rate
    for (let s = 10; s < options.seconds; s += 10) {
      await new Promise((done) => setTimeout(done, 10_000))
      console.log(`  ${options.label}: ${s} s`)
    }
    await new Promise((done) => setTimeout(done, 500 + (options.seconds % 10) * 1000 + interval))

    // Writers stop and wait until the server holds their last changes; then the observers,
    // which by then saw everything they are going to, report.
    const writerResults = await Promise.all(
      writerGroups.map((group) => {
        const result = group.next('result')
        group.tell({ type: 'finish' })
        return result
      }),
    )
    const observerResults = await Promise.all(
      observerGroups.map((group) => {
        const result = group.next('result')
        group.tell({ type: 'finish' })
        return result
      }),
    )
    const results: GroupResult[] = [...writerResults, ...observerResults].map((m) => m.result)

    fresh = await connectedRepo(options.syncUrl, undefined, options.syncThrottleMs)
    const [project, instance] = await Promise.all([
      fresh.find<ProjectDoc>(created.project.url),
      fresh.find<InstanceDoc>(created.instance.url),
    ])
    const { lost, lostDetail } = lostStamps(project.doc(), instance.doc(), results)
    return {
      projectLatency: results.flatMap((r) => r.projectLatency),
      eventLatency: results.flatMap((r) => r.eventLatency),
      writes: results.reduce((sum, r) => sum + r.writes, 0),
      lost,
      lostDetail,
      disconnects: results.reduce((sum, r) => sum + r.disconnects, 0),
      clientLoopDelayP99: Math.max(...results.map((r) => r.loopDelayP99)),
      clientLoopDelayMax: Math.max(...results.map((r) => r.loopDelayMax)),
      clientCpuSeconds: results.reduce((sum, r) => sum + r.cpuSeconds, 0),
    }
  } finally {
    await Promise.all([...writerGroups, ...observerGroups].map((group) => group.exit()))
    await fresh?.shutdown()
  }
}

/** What a fresh client misses of the writers' last stamps and logged message ids. */
function lostStamps(projectDoc: ProjectDoc, instanceDoc: InstanceDoc, results: GroupResult[]) {
  const lostDetail: string[] = []
  const state = instanceState(instanceDoc)
  for (const result of results) {
    for (const [index, seq] of Object.entries(result.lastProjectSeq)) {
      const actor = clientActor(Number(index))
      const stamp = (projectDoc.actors[actor]?.context as { stamp?: Stamp } | undefined)?.stamp
      if (seq >= 0 && stamp?.seq !== seq)
        lostDetail.push(`${actor} project context: seq ${stamp?.seq} instead of ${seq}`)
    }
    for (const [index, seq] of Object.entries(result.lastEventSeq)) {
      const actor = clientActor(Number(index))
      const stamp = (state.actors[actor]?.context as { stamp?: Stamp } | undefined)?.stamp
      if (seq >= 0 && stamp?.seq !== seq)
        lostDetail.push(`${actor} instance context: seq ${stamp?.seq} instead of ${seq}`)
    }
  }
  const present = new Set(readLog(instanceDoc).map((entry) => entry.message.id))
  const missing = results.flatMap((r) => r.loggedIds).filter((id) => !present.has(id))
  const lost = lostDetail.length + missing.length
  if (missing.length) lostDetail.push(`${missing.length} logged message ids missing from the log`)
  return { lost, lostDetail }
}
