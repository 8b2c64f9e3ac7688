import { joinPresence, type PresenceSession } from '@troupe/documents'
import { type DocHandle, whenSynced } from '@troupe/documents/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NETWORK_TIMEOUT_MS, overTheNetwork, serverForBlock } from './helpers'

/**
 * Presence through the real server: the sync adapter forwards ephemeral messages between the
 * peers on a document, under the access policy, and nothing of it reaches the document.
 */
type State = { name: string; cursor: { x: number; y: number } | null }
type Doc = { title: string }

function seen(session: PresenceSession<State>, test: (peers: Partial<State>[]) => boolean) {
  return new Promise<void>((resolve) => {
    const check = () => {
      if (!test(session.peers().map((p) => p.state as Partial<State>))) return
      stop()
      resolve()
    }
    const stop = session.subscribe(check)
    check()
  })
}

describe('presence over the sync server', overTheNetwork, () => {
  const suite = serverForBlock('presence', {
    visitorGrants: (app) => (app === 'demo' ? { read: [], readWrite: [] } : undefined),
  })
  const sessions: PresenceSession<State>[] = []
  let project: DocHandle<Doc>

  beforeAll(async () => {
    const owner = suite.client()
    project = owner.create<Doc>({ title: 'shared' })
    await whenSynced(owner, project)
  }, NETWORK_TIMEOUT_MS)
  // Registered after the server's: Vitest runs after-hooks last-first, so sessions leave first.
  afterAll(() => {
    for (const session of sessions) session.leave()
  })

  const join = async (name: string, syncUrl = suite.server.ownerSyncUrl) => {
    const repo = suite.client(syncUrl)
    const handle = await repo.find<Doc>(project.url)
    const session = joinPresence<State>(handle, { name, cursor: null }, { heartbeatMs: 200 })
    sessions.push(session)
    return { repo, handle, session }
  }

  it('carries each peer state and cursor to the others, and writes nothing to the document', async () => {
    const heads = project.heads()
    const alice = await join('Alice')
    const bob = await join('Bob')
    await seen(alice.session, (peers) => peers.some((p) => p.name === 'Bob'))
    await seen(bob.session, (peers) => peers.some((p) => p.name === 'Alice'))
    bob.session.update('cursor', { x: 12, y: 34 })
    await seen(alice.session, (peers) => peers.some((p) => p.cursor?.x === 12 && p.cursor.y === 34))
    expect(alice.handle.heads()).toEqual(heads)
    expect(bob.handle.heads()).toEqual(heads)
    const onServer = await suite.server.repo.find<Doc>(project.url)
    expect(onServer.heads()).toEqual(heads)
  })

  it('forgets a peer that leaves, and one that goes quiet', async () => {
    const carol = await join('Carol')
    const dave = await join('Dave')
    const erin = await join('Erin')
    await seen(carol.session, (peers) =>
      ['Dave', 'Erin'].every((n) => peers.some((p) => p.name === n)),
    )
    dave.session.leave()
    await seen(carol.session, (peers) => !peers.some((p) => p.name === 'Dave'))
    // Erin's connection drops without a goodbye: her heartbeats stop and she is pruned.
    await suite.shutdownClient(erin.repo)
    await seen(carol.session, (peers) => !peers.some((p) => p.name === 'Erin'))
  })

  it('does not pass presence to a visitor who may not read the project', async () => {
    const guest = suite.client(`${suite.server.syncUrl}?app=demo`)
    const heard: unknown[] = []
    guest.networkSubsystem.on('message', (message) => {
      if (message.type === 'ephemeral') heard.push(message)
    })
    await expect(guest.find<Doc>(project.url)).rejects.toThrow(/unavailable/)
    const owner = await join('Owner')
    const witness = await join('Witness')
    owner.session.update('cursor', { x: 7, y: 7 })
    // Once another owner peer has it, the server has forwarded it to everyone it would.
    await seen(witness.session, (peers) => peers.some((p) => p.cursor?.x === 7))
    expect(heard).toEqual([])
  })
})
