import { describe, expect, it } from 'vitest'
import { allowedTags, isAllowedAttribute, isAllowedTag, isSafeKey, sanitizeUrl } from '../src/index'

describe('tags and attributes', () => {
  it('allows exactly the tags of VIEW-FORMAT.md', () => {
    expect(allowedTags).toHaveLength(34)
    for (const tag of ['div', 'h6', 'svg', 'path', 'textarea']) expect(isAllowedTag(tag)).toBe(true)
    for (const tag of ['script', 'iframe', 'style', 'object', 'embed', 'link', 'meta', 'DIV']) {
      expect(isAllowedTag(tag)).toBe(false)
    }
  })
  it('allows per-tag attributes and aria/data everywhere', () => {
    expect(isAllowedAttribute('a', 'href')).toBe(true)
    expect(isAllowedAttribute('img', 'src')).toBe(true)
    expect(isAllowedAttribute('div', 'href')).toBe(false)
    expect(isAllowedAttribute('input', 'placeholder')).toBe(true)
    expect(isAllowedAttribute('div', 'aria-label')).toBe(true)
    expect(isAllowedAttribute('span', 'data-testid')).toBe(true)
    expect(isAllowedAttribute('svg', 'viewBox')).toBe(true)
  })
  it('refuses handlers, style and loaders', () => {
    for (const name of ['onclick', 'onError', 'ONLOAD', 'style', 'srcset', 'formaction']) {
      expect(isAllowedAttribute('img', name)).toBe(false)
      expect(isAllowedAttribute('button', name)).toBe(false)
    }
    expect(isAllowedAttribute('form', 'action')).toBe(false)
    expect(isAllowedAttribute('script', 'src')).toBe(false)
  })
})

describe('sanitizeUrl', () => {
  it('keeps relative and http(s)/mailto/tel URLs', () => {
    for (const url of [
      'https://example.com/a?b=1#c',
      'http://x.y',
      '/path',
      '#top',
      '?q=1',
      'page.html',
      'mailto:a@b.c',
      'tel:+123',
      '//cdn.example.com/x.png',
      'a/b:c',
    ]) {
      expect(sanitizeUrl(url), url).toBe(url)
    }
    expect(sanitizeUrl('  https://x.y  ')).toBe('https://x.y')
  })
  it('refuses script and data schemes with every disguise', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'java\u200bscript:alert(1)',
      'javascript&colon;alert(1)',
      '&#106;avascript:alert(1)',
      '&#x6A;avascript:alert(1)',
      'javascript%3Aalert(1)',
      'javascript%253Aalert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'DATA:image/svg+xml,<svg/onload=alert(1)>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://x/y',
    ]) {
      expect(sanitizeUrl(url), JSON.stringify(url)).toBeNull()
    }
  })
})

describe('isSafeKey', () => {
  it('refuses prototype keys only', () => {
    expect(isSafeKey('__proto__')).toBe(false)
    expect(isSafeKey('constructor')).toBe(false)
    expect(isSafeKey('prototype')).toBe(false)
    expect(isSafeKey('proto')).toBe(true)
    expect(isSafeKey('name')).toBe(true)
  })
})
