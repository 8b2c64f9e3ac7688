import type { DocHandle } from '@troupe/documents'
import { createNodeRepo, whenSynced } from '@troupe/documents/node'
import { afterAll, describe, expect, it } from 'vitest'
import { overTheNetwork, serverForBlock } from './helpers'

interface Doc {
  card?: { title: string }
}

const headsOf = (handle: DocHandle<Doc>) => [...handle.heads()].sort().join()

/** Resolves once the handle holds exactly these heads (checked on every heads change). */
function whenHeads(handle: DocHandle<Doc>, heads: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (headsOf(handle) !== heads) return
      handle.off('heads-changed', check)
      resolve()
    }
    handle.on('heads-changed', check)
    check()
  })
}

describe('the server relays every change, also one with no visible effect', overTheNetwork, () => {
  const suite = serverForBlock('relay')
  const offline = createNodeRepo()
  afterAll(() => offline.shutdown())

  // A change inside an object someone else deleted concurrently changes the heads but not the
  // document's contents, so automerge-repo emits no "change" for it. Its DocSynchronizer synced the other peers only
  // on "change", so the server kept such a change to itself until some later visible edit
  // (patches/@automerge__automerge-repo@2.5.6.patch). The websocket chaos fuzz stalled on it.
  it('an edit of an object deleted concurrently reaches a third client', async () => {
    const alice = suite.client()
    const bob = suite.client()
    const carol = suite.client()
    const handle = alice.create<Doc>({ card: { title: 'initial' } })
    await whenSynced(alice, handle)
    const carols = await carol.find<Doc>(handle.url)

    // Bob edits the card offline; meanwhile Alice deletes it.
    const bobsCopy = offline.import<Doc>((await alice.export(handle.documentId))!)
    bobsCopy.change((doc) => {
      doc.card!.title = 'bob'
    })
    const bobsWrite = (await offline.export(bobsCopy.documentId))!
    handle.change((doc) => {
      delete doc.card
    })
    await whenSynced(alice, handle)
    await whenHeads(carols, headsOf(handle))
    const beforeBob = headsOf(handle)

    // Bob comes online with his write; on the server it changes the heads and nothing else.
    const bobs = bob.import<Doc>(bobsWrite, { docId: handle.documentId })
    await whenSynced(bob, bobs)
    expect(bobs.doc()).toEqual({})
    // Compared with the heads from before: Alice may have received Bob's write already.
    expect(headsOf(bobs)).not.toBe(beforeBob)

    await whenHeads(carols, headsOf(bobs))
    await whenHeads(handle, headsOf(bobs))
    expect(carols.doc()).toEqual({})
  })
})
