import {
  isAllowedAttribute,
  isAllowedAttributeValue,
  isSafeKey,
  sanitizeUrl,
  urlAttributes,
} from '@troupe/core'

type AttributeValue = string | number | boolean
export type DomProps = Record<string, unknown>

/** HTML attribute names whose React prop differs by more than case rules. */
const reactNames: Record<string, string> = {
  class: 'className',
  for: 'htmlFor',
  tabindex: 'tabIndex',
  readonly: 'readOnly',
  maxlength: 'maxLength',
  minlength: 'minLength',
  colspan: 'colSpan',
  rowspan: 'rowSpan',
  autocomplete: 'autoComplete',
  autofocus: 'autoFocus',
  contenteditable: 'contentEditable',
  spellcheck: 'spellCheck',
  enterkeyhint: 'enterKeyHint',
  inputmode: 'inputMode',
  srcset: 'srcSet',
  datetime: 'dateTime',
  crossorigin: 'crossOrigin',
  referrerpolicy: 'referrerPolicy',
  accesskey: 'accessKey',
  novalidate: 'noValidate',
  'xlink:href': 'xlinkHref',
  viewbox: 'viewBox',
}

/**
 * Props React treats specially. An attribute must never become one of these, however it is
 * spelled (`dangerously-set-inner-h-t-m-l` camel-cases to `dangerouslySetInnerHTML`).
 */
const reactReserved = new Set([
  'children',
  'key',
  'ref',
  'dangerouslySetInnerHTML',
  'suppressHydrationWarning',
  'suppressContentEditableWarning',
  'defaultValue',
  'defaultChecked',
  'style',
  'className',
  'is',
])

/**
 * React prop name for an attribute. `aria-*` and `data-*` stay as written; other hyphenated
 * names (SVG's `stroke-width`) become camelCase, which is what React expects.
 */
function reactName(name: string): string {
  const lower = name.toLowerCase()
  const mapped = reactNames[lower]
  if (mapped) return mapped
  if (lower.startsWith('aria-') || lower.startsWith('data-')) return lower
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

/**
 * The attributes of a view node that may reach the DOM: allow-listed for the tag, never an
 * event handler, URLs sanitised, `style` never (a style string can load URLs and React would
 * need it parsed), no `class` (a view's classes are `classes`). Anything refused is left out
 * silently here; `validateView` reports it.
 */
export function domAttributes(
  tag: string,
  attributes: Record<string, AttributeValue> | undefined,
): DomProps {
  const props: DomProps = {}
  if (!attributes) return props
  for (const [name, raw] of Object.entries(attributes)) {
    const lower = name.toLowerCase()
    if (!isSafeKey(name) || lower.startsWith('on') || lower === 'style') continue
    if (!isAllowedAttribute(tag, name) || !isAllowedAttributeValue(tag, name, raw)) continue
    const prop = reactName(name)
    if (reactReserved.has(prop) || /^on/i.test(prop)) continue
    let value: AttributeValue = raw
    if (urlAttributes.has(lower)) {
      const safe = sanitizeUrl(String(raw))
      if (safe === null) continue
      value = safe
    }
    if (value === false) continue
    props[prop] = typeof value === 'boolean' ? value : String(value)
  }
  return props
}

/**
 * Joins class strings, dropping empties; class names are only ever an attribute value. A loop
 * without regular expressions for the usual single-spaced strings: it runs for every element
 * of every row of a long list.
 */
export function joinClasses(...parts: (string | undefined | null | false)[]): string | undefined {
  let joined = ''
  for (const part of parts) {
    if (typeof part !== 'string') continue
    const text = /\s\s|[\t\n\r\f]/.test(part) ? part.replace(/\s+/g, ' ').trim() : part.trim()
    if (text !== '') joined = joined === '' ? text : `${joined} ${text}`
  }
  return joined === '' ? undefined : joined
}
