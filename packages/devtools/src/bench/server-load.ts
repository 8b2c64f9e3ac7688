import type { DocHandle, Repo } from '@automerge/automerge-repo'
import type { JsonObject } from '@troupe/core'
import {
  createProject,
  type InstanceDoc,
  instanceState,
  logLength,
  type ProjectDoc,
  projectDefinition,
  raiseEvent,
  readLog,
  setActorContext,
} from '@troupe/documents'
import { createNodeRepo, whenSynced } from '@troupe/documents/node'
import { benchProjectFile, clientActor } from './server-project'
import { percentile } from './stats'

/** What a client stamps into each write: when, who, and its own counter for that kind. */
interface Stamp {
  sentAt: number
  client: number
  seq: number
}

export interface LoadOptions {
  syncUrl: string
  clients: number
  observers: number
  seconds: number
  /** Writes per second per client, alternating a project edit and an event. */
  rate: number
  label: string
}

export interface LoadFigures {
  /** ms from a write on one client until an observer client sees it. */
  projectLatency: number[]
  eventLatency: number[]
  writes: number
  /** Stamped writes missing on a fresh client after the run (0 = nothing lost). */
  lost: number
  lostDetail: string[]
  /** Times a client's connection to the server dropped during the run (each then reconnects). */
  disconnects: number
}

/**
 * The load of `pnpm bench server`: `clients` repos in this process, each with its own
 * websocket to the server, all on one project one of them created. Each writes at a steady
 * rate; observer repos time when each stamp arrives. Afterwards a fresh repo opens the
 * project from the server and every client's last stamps and logged message ids must be there.
 */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const repos: Repo[] = []
  let disconnects = 0
  const connect = () => {
    const repo = createNodeRepo({ syncUrl: options.syncUrl })
    repo.networkSubsystem.on('peer-disconnected', () => {
      disconnects++
    })
    repos.push(repo)
    return repo
  }
  try {
    const creator = connect()
    const created = createProject(creator, {
      from: benchProjectFile('Load', options.clients),
    })
    await whenSynced(creator, created.project)
    await whenSynced(creator, created.instance)
    const definition = projectDefinition(created.project.doc())

    const clients: {
      repo: Repo
      project: DocHandle<ProjectDoc>
      instance: DocHandle<InstanceDoc>
    }[] = [{ repo: creator, ...created }]
    for (let i = 1; i < options.clients + options.observers; i++) {
      const repo = connect()
      const [project, instance] = await Promise.all([
        repo.find<ProjectDoc>(created.project.url),
        repo.find<InstanceDoc>(created.instance.url),
      ])
      clients.push({ repo, project, instance })
    }
    const writers = clients.slice(0, options.clients)
    const observers = clients.slice(options.clients)
    console.log(
      `  ${options.label}: ${writers.length} clients and ${observers.length} observers connected`,
    )

    const projectLatency: number[] = []
    const eventLatency: number[] = []
    for (const observer of observers)
      watch(observer.project, observer.instance, projectLatency, eventLatency)

    // Each writer's last project stamp, last event stamp, and every message id its events logged.
    const lastProjectSeq = new Array<number>(writers.length).fill(-1)
    const lastEventSeq = new Array<number>(writers.length).fill(-1)
    const loggedIds = new Set<string>()
    let writes = 0
    const interval = 1000 / options.rate
    const timers: NodeJS.Timeout[] = []
    const startTimer = (index: number) => {
      const writer = writers[index]!
      let turn = 0
      const actor = clientActor(index)
      timers.push(
        setInterval(() => {
          const kind = turn++ % 2
          const stamp: Stamp = {
            sentAt: performance.now(),
            client: index,
            seq: kind === 0 ? ++lastProjectSeq[index]! : ++lastEventSeq[index]!,
          }
          if (kind === 0) {
            setActorContext(writer.project, actor, { stamp } as unknown as JsonObject)
          } else {
            const result = raiseEvent(writer.instance, definition, {
              from: actor,
              event: '@input/updateContext',
              payload: { stamp } as unknown as JsonObject,
            })
            for (const entry of result.log) loggedIds.add(entry.message.id)
          }
          writes++
        }, interval),
      )
    }
    // Starts spread over one interval, so the writes arrive at a steady rate, not in bursts.
    for (let i = 0; i < writers.length; i++) {
      setTimeout(() => startTimer(i), (i * interval) / writers.length)
    }
    const started = performance.now()
    await new Promise<void>((done) => {
      const progress = setInterval(() => {
        const elapsed = (performance.now() - started) / 1000
        const all = [...projectLatency, ...eventLatency]
        console.log(
          `  ${options.label}: ${elapsed.toFixed(0)} s, ${writes} writes, ${all.length} arrivals, p99 so far ${percentile(all, 99).toFixed(1)} ms, ${disconnects} disconnects`,
        )
      }, 10_000)
      setTimeout(
        () => {
          clearInterval(progress)
          done()
        },
        options.seconds * 1000 + interval,
      )
    })
    for (const timer of timers) clearInterval(timer)

    // The server holds every writer's last change before the fresh client looks.
    await Promise.all(
      writers.flatMap((w) => [whenSynced(w.repo, w.project), whenSynced(w.repo, w.instance)]),
    )
    const fresh = connect()
    const [project, instance] = await Promise.all([
      fresh.find<ProjectDoc>(created.project.url),
      fresh.find<InstanceDoc>(created.instance.url),
    ])
    const lostDetail: string[] = []
    const projectDoc = project.doc()
    const state = instanceState(instance.doc())
    for (let i = 0; i < writers.length; i++) {
      const actor = clientActor(i)
      const inProject = (projectDoc.actors[actor]?.context as { stamp?: Stamp } | undefined)?.stamp
      if (lastProjectSeq[i]! >= 0 && inProject?.seq !== lastProjectSeq[i])
        lostDetail.push(
          `${actor} project context: seq ${inProject?.seq} instead of ${lastProjectSeq[i]}`,
        )
      const inInstance = (state.actors[actor]?.context as { stamp?: Stamp } | undefined)?.stamp
      if (lastEventSeq[i]! >= 0 && inInstance?.seq !== lastEventSeq[i])
        lostDetail.push(
          `${actor} instance context: seq ${inInstance?.seq} instead of ${lastEventSeq[i]}`,
        )
    }
    const present = new Set(readLog(instance.doc()).map((entry) => entry.message.id))
    const missingIds = [...loggedIds].filter((id) => !present.has(id))
    const lostContexts = lostDetail.length
    if (missingIds.length)
      lostDetail.push(`${missingIds.length} logged message ids missing from the log`)
    return {
      projectLatency,
      eventLatency,
      writes,
      lost: lostContexts + missingIds.length,
      lostDetail,
      disconnects,
    }
  } finally {
    // A client still reconnecting when it shuts down makes ws emit an 'error' nobody listens
    // to ("closed before the connection was established"); that one is expected here.
    const ignoreEarlyClose = (error: Error) => {
      if (!/closed before the connection was established/.test(error.message)) throw error
    }
    process.on('uncaughtException', ignoreEarlyClose)
    await Promise.all(repos.map((repo) => repo.shutdown()))
    await new Promise((done) => setTimeout(done, 500))
    process.off('uncaughtException', ignoreEarlyClose)
  }
}

/**
 * Records, on every change an observer sees, the age of each stamp it has not seen yet. The
 * project holds each client's latest stamp in its actor's context; the log is read from a
 * window before its end, since concurrent appends from other clients merge near the end.
 */
function watch(
  project: DocHandle<ProjectDoc>,
  instance: DocHandle<InstanceDoc>,
  projectLatency: number[],
  eventLatency: number[],
): void {
  const seenSeq = new Map<number, number>()
  project.on('change', ({ doc }) => {
    const now = performance.now()
    for (const actor of Object.values(doc.actors)) {
      const stamp = (actor.context as { stamp?: Stamp }).stamp
      if (!stamp || (seenSeq.get(stamp.client) ?? -1) >= stamp.seq) continue
      seenSeq.set(stamp.client, stamp.seq)
      projectLatency.push(now - stamp.sentAt)
    }
  })
  const seenIds = new Set<string>()
  const window = 500
  instance.on('change', ({ doc }) => {
    const now = performance.now()
    for (const entry of readLog(doc, Math.max(0, logLength(doc) - window))) {
      const stamp = (entry.message.payload as { stamp?: Stamp } | null)?.stamp
      if (!stamp || seenIds.has(entry.message.id)) continue
      seenIds.add(entry.message.id)
      eventLatency.push(now - stamp.sentAt)
    }
  })
}
