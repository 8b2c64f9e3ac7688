import type { LogEntry } from '@troupe/runtime'
import { describe, expect, it } from 'vitest'
import { outcomeText } from '../src/messages/messageFilter'
import { MessageView } from '../src/messages/messageView'

const entry = (i: number, outcome: LogEntry['outcome'] = 'handled'): LogEntry => ({
  message: {
    id: `m${i}`,
    type: i % 2 ? 'odd' : 'even',
    payload: {},
    from: 'a',
    to: i % 3 ? 'b' : 'c',
    timestamp: i,
  },
  outcome,
  depth: 0,
})

describe('MessageView', () => {
  it('filters new entries as they arrive, pauses and clears without touching the entries', () => {
    const entries: LogEntry[] = [entry(0), entry(1), entry(2, 'failed')]
    const view = new MessageView(entries)
    view.catchUp()
    expect(view.shown).toEqual([0, 1, 2])
    view.setFilter({ actor: 'c', type: '', outcome: '' })
    expect(view.shown).toEqual([0])
    view.setFilter({ actor: '', type: 'even', outcome: 'failed' })
    expect(view.shown).toEqual([2])
    view.setFilter({ actor: '', type: '', outcome: '' })

    view.setPaused(true)
    entries.push(entry(3))
    view.catchUp()
    expect(view.shown).toEqual([0, 1, 2])
    expect(view.waiting).toBe(1)
    view.setPaused(false)
    expect(view.shown).toEqual([0, 1, 2, 3])

    view.clear()
    expect(view.shown).toEqual([])
    entries.push(entry(4))
    view.catchUp()
    expect(view.shown).toEqual([4])
    // A new filter after a clear still starts at the clear.
    view.setFilter({ actor: 'b', type: '', outcome: '' })
    expect(view.shown).toEqual([4])
    expect(entries).toHaveLength(5)
  })

  it('says why a message failed', () => {
    const failed: LogEntry = {
      ...entry(0, 'failed'),
      error: { code: 'TRP-140', message: 'boom', path: [] },
    }
    expect(outcomeText(failed)).toBe('failed: TRP-140 boom')
    expect(outcomeText(entry(1, 'cascade-stopped'))).toBe('cascade stopped')
  })

  it('lists earlier entries put in front, every index moved up, unless Clear was pressed', () => {
    const entries: LogEntry[] = [entry(3), entry(4)]
    const view = new MessageView(entries)
    view.catchUp()
    view.setFilter({ actor: '', type: 'even', outcome: '' })
    expect(view.shown).toEqual([1])
    entries.unshift(entry(0), entry(1), entry(2))
    view.prepend(3)
    expect(view.shown.map((i) => entries[i]!.message.id)).toEqual(['m0', 'm2', 'm4'])
    entries.push(entry(6))
    view.catchUp()
    expect(view.shown.map((i) => entries[i]!.message.id)).toEqual(['m0', 'm2', 'm4', 'm6'])

    const cleared = new MessageView(entries)
    cleared.catchUp()
    cleared.clear()
    entries.push(entry(7))
    cleared.catchUp()
    entries.unshift(entry(-1))
    cleared.prepend(1)
    expect(cleared.shown.map((i) => entries[i]!.message.id)).toEqual(['m7'])
  })
})
