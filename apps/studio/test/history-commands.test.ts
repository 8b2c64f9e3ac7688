import { expect, test } from 'vitest'
import { historyCommands } from '../src/commands/commandList'

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean } = {}) =>
  ({
    key: k,
    ctrlKey: Boolean(mods.ctrl),
    metaKey: false,
    shiftKey: Boolean(mods.shift),
    altKey: false,
  }) as KeyboardEvent

test('Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo; each key runs exactly one of them', () => {
  const ran: string[] = []
  const commands = historyCommands({
    undo: () => void ran.push('undo'),
    redo: () => void ran.push('redo'),
  })
  const press = (event: KeyboardEvent) => {
    for (const c of commands) if (c.shortcut?.matches(event)) c.run()
  }
  press(key('z', { ctrl: true }))
  press(key('Z', { ctrl: true, shift: true }))
  press(key('y', { ctrl: true }))
  press(key('z'))
  expect(ran).toEqual(['undo', 'redo', 'redo'])
})
