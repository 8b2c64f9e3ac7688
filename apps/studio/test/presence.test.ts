import { describe, expect, it } from 'vitest'
import { collaboratorOf, createPresenceStore } from '../src/collab/presenceStore'
import { throttle } from '../src/collab/throttle'

describe('presence from other browsers', () => {
  it('shows only well-formed parts of what a peer sent', () => {
    expect(
      collaboratorOf({
        peerId: 'p1',
        state: {
          name: 'Keen Heron',
          color: '#2b8a3e',
          selection: ['a', 7, 'b'],
          cursor: { x: 10, y: 20 },
        },
      }),
    ).toEqual({
      peerId: 'p1',
      name: 'Keen Heron',
      color: '#2b8a3e',
      selection: ['a', 'b'],
      cursor: { x: 10, y: 20 },
    })
    const odd = collaboratorOf({
      peerId: 'p2',
      state: { name: 'X', color: 'url(javascript:1)', selection: 'all', cursor: { x: 'a', y: 1 } },
    })
    expect(odd).toEqual({ peerId: 'p2', name: 'X', color: '#495057', selection: [], cursor: null })
  })

  it('leaves out peers without a usable name (their first message has not arrived)', () => {
    const store = createPresenceStore()
    store.getState().setPeers([
      { peerId: 'a', state: {} },
      { peerId: 'b', state: { name: 'x'.repeat(41) } },
      { peerId: 'c', state: null },
      { peerId: 'd', state: { name: 'Calm Ibis' } },
    ])
    expect(store.getState().collaborators.map((c) => c.peerId)).toEqual(['d'])
  })
})

describe('cursor throttle', () => {
  it('sends the first position at once and the latest one after the interval, nothing between', async () => {
    const sent: number[] = []
    const move = throttle((x: number) => sent.push(x), 40)
    move(1)
    move(2)
    move(3)
    expect(sent).toEqual([1])
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(sent).toEqual([1, 3])
  })
})
