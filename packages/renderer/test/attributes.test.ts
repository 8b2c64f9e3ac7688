import { describe, expect, test } from 'vitest'
import { domAttributes, joinClasses } from '../src/render/attributes'

// The renderer filters attributes itself as well, so a view that skipped validation (or a
// bug in it) still cannot put a handler, a style or a script URL into the DOM.
describe('domAttributes', () => {
  test('drops handlers, style, React-reserved props and anything not allowed for the tag', () => {
    const props = domAttributes('span', {
      id: 'x',
      onclick: 'alert(1)',
      ONMOUSEOVER: 'alert(1)',
      style: 'background:url(https://evil)',
      'dangerously-set-inner-h-t-m-l': '<b>x</b>',
      children: 'x',
      href: '/not-on-span',
      ['__proto__']: 'x',
      class: 'extra',
    })
    expect(props).toEqual({ id: 'x' })
  })

  test('URLs pass sanitizeUrl or are dropped', () => {
    expect(domAttributes('a', { href: 'https://ok.test/' })).toEqual({ href: 'https://ok.test/' })
    expect(domAttributes('a', { href: 'javascript:alert(1)' })).toEqual({})
    expect(domAttributes('a', { href: ' JaVaScRiPt:alert(1)' })).toEqual({})
    expect(domAttributes('img', { src: 'data:image/svg+xml,<svg onload=alert(1)>' })).toEqual({})
    expect(domAttributes('a', { href: 'vbscript:x' })).toEqual({})
  })

  test('maps HTML names to React props and drops false booleans', () => {
    expect(
      domAttributes('input', {
        readonly: true,
        maxlength: 4,
        disabled: false,
        autocomplete: 'off',
      }),
    ).toEqual({ readOnly: true, maxLength: '4', autoComplete: 'off' })
    expect(domAttributes('label', { for: 'x' })).toEqual({ htmlFor: 'x' })
    expect(domAttributes('path', { 'stroke-width': 2 })).toEqual({ strokeWidth: '2' })
  })

  test('refused input types are dropped', () => {
    expect(domAttributes('input', { type: 'image' })).toEqual({})
  })

  test('joinClasses normalises whitespace and skips empties', () => {
    expect(joinClasses(' a  b ', undefined, '', 'c\nd')).toBe('a b c d')
    expect(joinClasses(undefined, '  ')).toBeUndefined()
  })
})
