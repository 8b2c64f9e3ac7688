import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import * as Automerge from '@automerge/automerge'
import type { ProjectFile, RaisedEvent } from '@troupe/core'
import {
  createEventQueue,
  createProject,
  logLength,
  projectDefinition,
  raiseEvent,
} from '@troupe/documents'
import { createNodeRepo } from '@troupe/documents/node'
import { applyEffects, initialState, processEvent } from '@troupe/runtime'
import type { SuiteReport } from './report'
import { table } from './report'
import { fixed, ratio } from './stats'

/**
 * `pnpm bench runtime`: the cost of one message as the history grows, through the real paths
 * — one Automerge change per event (a person clicking), and a flood coalesced per tick by
 * createEventQueue (a script or an integration) — beside the same skills on plain in-memory
 * state, and the time to load an instance holding the largest history from disk. The history
 * is grown one change per event, the shape with the most changes and operations to load.
 */
const checkpoints = [1_000, 10_000, 100_000]
const sample = 1_000
/** Events a flood raises per tick (each event is two messages). */
const tick = 100

// A counter that handles its own taps, and a list that keeps an entity per tap: both kinds
// of write a real app makes (context merge and entity create).
const project: ProjectFile = {
  troupe: 1,
  name: 'bench',
  root: 'root',
  actors: {
    root: {
      role: 'root',
      context: { visible: true, taps: 0 },
      view: { container: { layout: 'flex' } },
      subscriptions: ['root', 'list'],
      children: ['list'],
      dependencies: {},
    },
    list: {
      role: 'list',
      context: { visible: true, queries: { taps: { schemaName: 'Tap', items: [] } } },
      view: { container: { layout: 'flex' } },
      subscriptions: ['list'],
      children: [],
      dependencies: {},
    },
  },
}

function eventFor(i: number): RaisedEvent {
  return i % 10 === 0
    ? {
        from: 'root',
        event: '@entity/createEntity',
        payload: { schemaName: 'Tap', entityData: { n: i } },
      }
    : { from: 'root', event: '@input/updateContext', payload: { taps: i, last: `tap ${i}` } }
}

interface Row {
  history: number
  documentMs: number
  floodMs: number
  memoryMs: number
}

export async function runtimeBench(): Promise<SuiteReport> {
  const repo = createNodeRepo()
  const { project: projectHandle, instance } = createProject(repo, { from: project })
  const def = projectDefinition(projectHandle.doc())
  const memory = initialState(project)
  let seq = 0
  const newId = () => `m${(seq++).toString(36).padStart(8, '0')}`
  const queue = createEventQueue(instance, () => def, { newId })

  const rows: Row[] = []
  let raised = 0
  let memoryRaised = 0
  const raiseInMemory = () => {
    applyEffects(memory, processEvent(def, memory, eventFor(memoryRaised++), { newId }).effects)
  }
  // Each event produces two messages (root subscribes to itself and to list).
  const messagesPerEvent = 2
  for (const checkpoint of checkpoints) {
    const target = checkpoint / messagesPerEvent
    process.stdout.write(`  growing history to ${checkpoint} messages…`)
    while (raised < target) raiseEvent(instance, def, eventFor(raised++), { newId })
    // Plain in-memory state grows alongside (state only: memory keeps no log).
    while (memoryRaised < raised) raiseInMemory()
    const documentMs = time(() => {
      for (let i = 0; i < sample / messagesPerEvent; i++)
        raiseEvent(instance, def, eventFor(raised++), { newId })
    })
    const floodStart = performance.now()
    for (let sent = 0; sent < sample / messagesPerEvent; sent += tick) {
      const burst = Array.from({ length: tick }, () => queue.raise(eventFor(raised++)))
      await Promise.all(burst)
    }
    const floodMs = performance.now() - floodStart
    const memoryMs = time(() => {
      for (let i = 0; i < (2 * sample) / messagesPerEvent; i++) raiseInMemory()
    })
    rows.push({
      history: checkpoint,
      documentMs: documentMs / sample,
      floodMs: floodMs / sample,
      memoryMs: memoryMs / (2 * sample),
    })
    process.stdout.write(
      ` ${fixed(documentMs / sample)} ms/message one change per event, ${fixed(floodMs / sample, 4)} per tick\n`,
    )
  }

  // Load: the instance as it sits on disk, opened by a fresh repo, and Automerge.load alone.
  const dataDir = mkdtempSync(join(tmpdir(), 'troupe-bench-'))
  const bytes = Automerge.save(instance.doc())
  const entries = logLength(instance.doc())
  const loadMs = time(() => Automerge.load(bytes))
  const diskRepo = createNodeRepo({ dataDir })
  const stored = diskRepo.import(bytes)
  await diskRepo.flush()
  await diskRepo.shutdown()
  const fresh = createNodeRepo({ dataDir })
  const start = performance.now()
  const reopened = await fresh.find(stored.url)
  const repoLoadMs = performance.now() - start
  const reopenedLength = logLength(reopened.doc() as Parameters<typeof logLength>[0])
  await fresh.shutdown()
  rmSync(dataDir, { recursive: true, force: true })
  await repo.shutdown()

  const first = rows[0]!
  const last = rows[rows.length - 1]!
  const perSecond = (ms: number) => Math.round(1000 / ms).toLocaleString('en')
  const markdown = [
    table(
      [
        'messages of history',
        'change per event: ms/message',
        'messages/s',
        `flood, ${tick} events a tick: ms/message`,
        'messages/s',
        'in-memory ms/message',
        'flood vs in-memory',
      ],
      rows.map((r) => [
        r.history.toLocaleString('en'),
        fixed(r.documentMs),
        perSecond(r.documentMs),
        fixed(r.floodMs, 4),
        perSecond(r.floodMs),
        fixed(r.memoryMs, 4),
        ratio(r.floodMs, r.memoryMs),
      ]),
    ),
    '',
    `- Cost per message at ${last.history.toLocaleString('en')} vs ${first.history.toLocaleString('en')} messages of history: ${ratio(last.documentMs, first.documentMs)} with a change per event, ${ratio(last.floodMs, first.floodMs)} for a flood (goal ≤ 1.5x).`,
    `- Sustained at ${last.history.toLocaleString('en')}: ${perSecond(last.floodMs)} messages/s for a flood coalesced per tick, ${perSecond(last.documentMs)} messages/s with one change per event (goal ≥ 5,000).`,
    `- Loading the instance holding ${entries.toLocaleString('en')} log entries (${(bytes.byteLength / 2 ** 20).toFixed(1)} MiB saved): Automerge.load ${fixed(loadMs, 0)} ms; a fresh repo opening it from disk ${fixed(repoLoadMs, 0)} ms, ${reopenedLength.toLocaleString('en')} entries read back (goal < 1 s).`,
    `- Each sample raises ${sample / messagesPerEvent} events (${sample} messages) per path: every tenth creates an entity, the rest merge context. The in-memory baseline runs the same events on plain objects.`,
  ].join('\n')
  return {
    suite: 'runtime',
    title: 'Runtime: cost per message as history grows',
    command: 'pnpm bench runtime',
    markdown,
  }
}

function time(work: () => void): number {
  const start = performance.now()
  work()
  return performance.now() - start
}
