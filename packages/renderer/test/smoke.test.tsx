import { expect, test } from 'vitest'

test('runs in a real browser', () => {
  expect(typeof document.createElement).toBe('function')
})
