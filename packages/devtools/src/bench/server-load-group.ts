/**
 * One process of `pnpm bench server`'s load: a group of writer clients or one observer,
 * each an automerge-repo with its own websocket to the server. The load runs in several
 * such processes (forked by server-load.ts, talking over the IPC channel) so that one busy
 * client process does not hold up every other client: the figures are the server's, not
 * those of a stalled client process.
 *
 * Clock: every stamp and arrival is `performance.timeOrigin + performance.now()`, i.e. ms
 * since the Unix epoch from the monotonic clock; all processes run on the same machine, so the
 * times of a write in one process and its arrival in another are comparable.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { AutomergeUrl, DocHandle, Repo } from '@automerge/automerge-repo'
import type { JsonObject } from '@troupe/core'
import {
  type InstanceDoc,
  logLength,
  type ProjectDoc,
  projectDefinition,
  raiseEvent,
  readLog,
  setActorContext,
} from '@troupe/documents'
import { whenSynced } from '@troupe/documents/node'
import { connectedRepo } from './server-connect'
import { clientActor } from './server-project'

/** What a client stamps into each write: when, who, and its own counter for that kind. */
export interface Stamp {
  sentAt: number
  client: number
  seq: number
}

export interface GroupConfig {
  syncUrl: string
  projectUrl: AutomergeUrl
  instanceUrl: AutomergeUrl
  /** Indices of the writer clients this process runs; empty for an observer process. */
  writers: number[]
  /** Observer clients this process runs. */
  observers: number
  /** All writers across processes (spreads the first writes evenly over one interval). */
  totalWriters: number
  /** Writes per second per writer, alternating a project edit and an event. */
  rate: number
  /** The clients' sync throttle (ms); Troupe's own when not given. */
  syncThrottleMs?: number
}

export type ToGroup =
  | { type: 'config'; config: GroupConfig }
  /** Epoch ms at which the first writer of all processes writes. */
  | { type: 'go'; startAt: number }
  | { type: 'finish' }
  | { type: 'exit' }

export interface GroupResult {
  projectLatency: number[]
  eventLatency: number[]
  writes: number
  /** Each writer's last project stamp and last event stamp (-1: none), by writer index. */
  lastProjectSeq: Record<number, number>
  lastEventSeq: Record<number, number>
  /** Every message id this group's raiseEvent calls logged. */
  loggedIds: string[]
  disconnects: number
  /** This process's event-loop delay during the run (ms): how long its clients could stall. */
  loopDelayP99: number
  loopDelayMax: number
  /** CPU seconds this process used during the run. */
  cpuSeconds: number
}

export type FromGroup = { type: 'ready' } | { type: 'result'; result: GroupResult }

/** Epoch milliseconds, sub-millisecond precise, comparable between processes on one machine. */
export const epochNow = () => performance.timeOrigin + performance.now()

const send = (message: FromGroup) => process.send?.(message)

interface Client {
  repo: Repo
  project: DocHandle<ProjectDoc>
  instance: DocHandle<InstanceDoc>
  definition: ReturnType<typeof projectDefinition>
}

async function runGroup(config: GroupConfig): Promise<void> {
  const repos: Repo[] = []
  let disconnects = 0
  const open = async (): Promise<Client> => {
    const repo = await connectedRepo(
      config.syncUrl,
      (repo) => {
        repo.networkSubsystem.on('peer-disconnected', () => {
          disconnects++
        })
        repos.push(repo)
      },
      config.syncThrottleMs,
    )
    const [project, instance] = await Promise.all([
      repo.find<ProjectDoc>(config.projectUrl),
      repo.find<InstanceDoc>(config.instanceUrl),
    ])
    return { repo, project, instance, definition: projectDefinition(project.doc()) }
  }
  const writers: Client[] = []
  for (const _ of config.writers) writers.push(await open())
  const observers: Client[] = []
  for (let i = 0; i < config.observers; i++) observers.push(await open())

  const projectLatency: number[] = []
  const eventLatency: number[] = []
  for (const observer of observers) watch(observer, projectLatency, eventLatency)

  const lastProjectSeq: Record<number, number> = {}
  const lastEventSeq: Record<number, number> = {}
  for (const index of config.writers) {
    lastProjectSeq[index] = -1
    lastEventSeq[index] = -1
  }
  const loggedIds: string[] = []
  let writes = 0
  const interval = 1000 / config.rate
  const timers: NodeJS.Timeout[] = []
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })

  const write = (client: Client, index: number, turn: number) => {
    const kind = turn % 2
    const stamp: Stamp = {
      sentAt: epochNow(),
      client: index,
      seq: kind === 0 ? ++lastProjectSeq[index]! : ++lastEventSeq[index]!,
    }
    if (kind === 0) {
      setActorContext(client.project, clientActor(index), { stamp } as unknown as JsonObject)
    } else {
      const result = raiseEvent(client.instance, client.definition, {
        from: clientActor(index),
        event: '@input/updateContext',
        payload: { stamp } as unknown as JsonObject,
      })
      for (const entry of result.log) loggedIds.push(entry.message.id)
    }
    writes++
  }

  let cpuBefore = process.cpuUsage()
  const go = (startAt: number) => {
    loopDelay.enable()
    cpuBefore = process.cpuUsage()
    config.writers.forEach((index, i) => {
      const client = writers[i]!
      let turn = 0
      // Writers start spread over one interval, so writes arrive at a steady rate, not in bursts.
      const first = startAt + (index * interval) / config.totalWriters - epochNow()
      timers.push(
        setTimeout(
          () => {
            write(client, index, turn++)
            timers.push(setInterval(() => write(client, index, turn++), interval))
          },
          Math.max(0, first),
        ),
      )
    })
  }

  const finish = async () => {
    for (const timer of timers) clearInterval(timer)
    // The server holds every writer's last change before the parent's fresh client looks.
    await Promise.all(
      writers.flatMap((w) => [whenSynced(w.repo, w.project), whenSynced(w.repo, w.instance)]),
    )
    loopDelay.disable()
    const cpu = process.cpuUsage(cpuBefore)
    send({
      type: 'result',
      result: {
        projectLatency,
        eventLatency,
        writes,
        lastProjectSeq,
        lastEventSeq,
        loggedIds,
        disconnects,
        loopDelayP99: loopDelay.percentile(99) / 1e6,
        loopDelayMax: loopDelay.max / 1e6,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
      },
    })
  }

  process.on('message', (message: ToGroup) => {
    if (message.type === 'go') go(message.startAt)
    else if (message.type === 'finish') void finish()
    else if (message.type === 'exit')
      void Promise.all(repos.map((repo) => repo.shutdown())).then(() => process.exit(0))
  })
  send({ type: 'ready' })
}

/**
 * Records, on every change an observer sees, the age of each stamp it has not seen yet. The
 * project holds each client's latest stamp in its actor's context; the log is read from a
 * window before its end, since concurrent appends from other clients merge near the end.
 */
function watch(observer: Client, projectLatency: number[], eventLatency: number[]): void {
  const seenSeq = new Map<number, number>()
  observer.project.on('change', ({ doc }) => {
    const now = epochNow()
    for (const actor of Object.values(doc.actors)) {
      const stamp = (actor.context as { stamp?: Stamp }).stamp
      if (!stamp || (seenSeq.get(stamp.client) ?? -1) >= stamp.seq) continue
      seenSeq.set(stamp.client, stamp.seq)
      projectLatency.push(now - stamp.sentAt)
    }
  })
  const seenIds = new Set<string>()
  const window = 500
  observer.instance.on('change', ({ doc }) => {
    const now = epochNow()
    for (const entry of readLog(doc, Math.max(0, logLength(doc) - window))) {
      const stamp = (entry.message.payload as { stamp?: Stamp } | null)?.stamp
      if (!stamp || seenIds.has(entry.message.id)) continue
      seenIds.add(entry.message.id)
      eventLatency.push(now - stamp.sentAt)
    }
  })
}

process.once('message', (message: ToGroup) => {
  if (message.type !== 'config') throw new Error(`expected the group's config, got ${message.type}`)
  runGroup(message.config).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
})
