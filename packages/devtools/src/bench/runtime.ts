import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import * as Automerge from '@automerge/automerge'
import type { ProjectFile, RaisedEvent } from '@troupe/core'
import { DEFAULT_EPOCH_SIZE } from '@troupe/core'
import {
  createEventQueue,
  createProject,
  type DocHandle,
  historyEntries,
  type InstanceDoc,
  LiveInstance,
  loadEarlierEpochs,
  logLength,
  openProject,
  projectDefinition,
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
 * is grown one change per event, the shape with the most changes and operations to load. The
 * instance runs through a LiveInstance, so it rotates into a new epoch document every
 * DEFAULT_EPOCH_SIZE messages (documents instance/epochs.ts), as in the studio.
 */
const checkpoints = [1_000, 10_000, 100_000]
const sample = 1_000
/**
 * Messages the flood path raises per checkpoint: more than `sample`, because at 200 messages
 * a tick 1,000 messages are five changes, and one garbage collection in five swung the figure
 * by half between runs.
 */
const floodSample = 5_000
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
  const live = new LiveInstance(repo, instance)
  const epochs: DocHandle<InstanceDoc>[] = [instance]
  live.onEpoch((epoch) => {
    epochs.push(epoch)
    projectHandle.change((doc) => {
      doc.instanceUrl = epoch.url
    })
  })
  const def = projectDefinition(projectHandle.doc())
  const memory = initialState(project)
  let seq = 0
  const newId = () => `m${(seq++).toString(36).padStart(8, '0')}`
  const raiseOne = (event: RaisedEvent) => live.raise(def, [event], { newId })
  const queue = createEventQueue(live, () => def, { newId })

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
    while (raised < target) raiseOne(eventFor(raised++))
    // Plain in-memory state grows alongside (state only: memory keeps no log).
    while (memoryRaised < raised) raiseInMemory()
    const documentMs = time(() => {
      for (let i = 0; i < sample / messagesPerEvent; i++) raiseOne(eventFor(raised++))
    })
    const floodStart = performance.now()
    for (let sent = 0; sent < floodSample / messagesPerEvent; sent += tick) {
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
      floodMs: floodMs / floodSample,
      memoryMs: memoryMs / (2 * sample),
    })
    process.stdout.write(
      ` ${fixed(documentMs / sample)} ms/message one change per event, ${fixed(floodMs / floodSample, 4)} per tick\n`,
    )
  }

  // Load: the project and every epoch as they sit on disk (same document ids), opened by a
  // fresh repo the way the studio opens a project: to its running state, then, for time
  // travel, the whole history. And Automerge.load of the current epoch alone.
  await live.settled()
  live.close()
  const dataDir = mkdtempSync(join(tmpdir(), 'troupe-bench-'))
  const current = live.epoch
  const bytes = Automerge.save(current.doc())
  const loadMs = time(() => Automerge.load(bytes))
  const diskRepo = createNodeRepo({ dataDir })
  let savedBytes = 0
  for (const handle of [projectHandle, ...epochs]) {
    const saved = Automerge.save(handle.doc() as Automerge.Doc<unknown>)
    savedBytes += saved.byteLength
    diskRepo.import(saved, { docId: handle.documentId })
  }
  await diskRepo.flush()
  await diskRepo.shutdown()
  const fresh = createNodeRepo({ dataDir })
  const start = performance.now()
  const opened = await openProject(fresh, projectHandle.url)
  const state = opened.instance.doc().actors.root?.context?.taps
  const openMs = performance.now() - start
  const earlier = await loadEarlierEpochs(fresh, opened.instance)
  const entries = historyEntries(opened.instance).length
  const historyMs = performance.now() - start
  if (
    opened.instance.url !== current.url ||
    state === undefined ||
    entries !== earlier + logLength(current.doc())
  )
    throw new Error('The reopened instance is not the one written: the bench is broken.')
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
    `- Opening the instance holding ${entries.toLocaleString('en')} messages (${epochs.length} epochs of ${DEFAULT_EPOCH_SIZE.toLocaleString('en')}, ${(savedBytes / 2 ** 20).toFixed(1)} MiB on disk with the project): a fresh repo opens the project to its running state (openProject: project and current epoch from disk) in ${fixed(openMs, 0)} ms (goal < 1 s); Automerge.load of the current epoch alone ${fixed(loadMs, 0)} ms. Loading every earlier epoch too, for time travel over the whole history (loadEarlierEpochs, historyEntries): ${fixed(historyMs, 0)} ms from the start.`,
    `- At each checkpoint one change per event raises ${sample / messagesPerEvent} events (${sample} messages), then the flood ${floodSample / messagesPerEvent} (${(floodSample / messagesPerEvent / tick).toLocaleString('en')} ticks): every tenth creates an entity, the rest merge context. The in-memory baseline runs the same events on plain objects.`,
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
