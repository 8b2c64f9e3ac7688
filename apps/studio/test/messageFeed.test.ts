import type { ProjectFile } from '@troupe/core'
import {
  createProject,
  type DocHandle,
  historyEntries,
  type InstanceDoc,
  LiveInstance,
  projectDefinition,
} from '@troupe/documents'
import { createNodeRepo } from '@troupe/documents/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MessageFeed } from '../src/messages/messageFeed'
import { createSessionStore } from '../src/session/store'
import { keepTravelPosition } from '../src/timetravel/keepTravelPosition'
import { epochCounterProject } from './counterProject'

// The feed announces once per animation frame; under Node a frame is a timer.
const hadFrames = 'requestAnimationFrame' in globalThis
beforeAll(() => {
  if (hadFrames) return
  globalThis.requestAnimationFrame = (callback) =>
    setTimeout(() => callback(performance.now()), 16) as unknown as number
  globalThis.cancelAnimationFrame = (handle) => clearTimeout(handle)
})
afterAll(() => {
  if (hadFrames) return
  delete (globalThis as Partial<typeof globalThis>).requestAnimationFrame
  delete (globalThis as Partial<typeof globalThis>).cancelAnimationFrame
})

const counter = epochCounterProject('Epoch counter') as ProjectFile

/** The counter project run with `clicks` clicks (three messages an epoch), settled. */
async function clicked(clicks: number) {
  const repo = createNodeRepo()
  const { project, instance } = createProject(repo, { from: counter })
  const live = new LiveInstance(repo, instance)
  const definition = projectDefinition(project.doc())
  for (let i = 1; i <= clicks; i++) {
    live.raise(definition, [
      { from: 'counter', event: '@input/updateContext', payload: { clicks: i } },
    ])
  }
  await live.settled()
  return { repo, instance, live, definition }
}

describe('MessageFeed', () => {
  it("lists the current epoch's messages at once, then puts the earlier epochs' in front", async () => {
    const { repo, instance, live, definition } = await clicked(7)
    const current: DocHandle<InstanceDoc> = live.epoch
    expect(current.url).not.toBe(instance.url)

    const feed = new MessageFeed(repo, current)
    // Seven messages at three an epoch: the third epoch holds the seventh alone.
    expect(feed.entries.map((e) => e.message.payload)).toEqual([{ clicks: 7 }])
    expect(feed.loadingEarlier).toBe(true)
    const heard: [number, number][] = []
    feed.subscribe((first, prepended) => heard.push([first, prepended]))
    await expect.poll(() => feed.entries.length).toBe(7)
    expect(heard).toEqual([[0, 6]])
    expect(feed.loadingEarlier).toBe(false)
    expect(feed.entries.map((e) => e.message.payload)).toEqual(
      Array.from({ length: 7 }, (_, i) => ({ clicks: i + 1 })),
    )
    // An index of the feed is an index of the history (what time travel takes).
    expect(feed.entries).toEqual(historyEntries(current).map((h) => h.entry))

    // New messages append after the prepend, announced at the next frame.
    live.raise(definition, [
      { from: 'counter', event: '@input/updateContext', payload: { clicks: 8 } },
    ])
    await expect.poll(() => heard.length).toBe(2)
    expect(heard[1]).toEqual([7, 0])
    live.close()
    await repo.shutdown()
  })

  it('announces the earlier epochs as new when the current one holds no message yet', async () => {
    const { repo, live } = await clicked(6)
    // Six messages at three an epoch: the third epoch has just started, empty.
    const feed = new MessageFeed(repo, live.epoch)
    expect(feed.entries).toEqual([])
    const heard: [number, number][] = []
    feed.subscribe((first, prepended) => heard.push([first, prepended]))
    await expect.poll(() => feed.loadingEarlier).toBe(false)
    expect(feed.entries).toHaveLength(6)
    // Every entry is new to a listener that counts from `first` (the live edges, the types).
    expect(heard).toEqual([[0, 6]])
    live.close()
    await repo.shutdown()
  })

  it('has nothing earlier to load for an instance of one epoch', async () => {
    const repo = createNodeRepo()
    const { instance } = createProject(repo, { from: counter })
    const feed = new MessageFeed(repo, instance)
    expect(feed.loadingEarlier).toBe(false)
    await repo.shutdown()
  })

  it('keeps the time-travel position on its message when earlier messages come in front', async () => {
    const { repo, live } = await clicked(7)
    const feed = new MessageFeed(repo, live.epoch)
    const session = createSessionStore()
    // Travelled to the only message there is yet: the seventh click, in the current epoch.
    session.getState().setTravelIndex(0)
    const stop = keepTravelPosition(feed, session)
    await expect.poll(() => feed.loadingEarlier).toBe(false)
    const at = session.getState().travelIndex!
    expect(at).toBe(6)
    expect(feed.entries[at]!.message.payload).toEqual({ clicks: 7 })
    stop()
    live.close()
    await repo.shutdown()
  })
})
