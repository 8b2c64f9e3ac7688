/**
 * What a view may render. Views come from project files anyone can share, so everything that
 * could run script or load something unasked is left out: no `on*` handlers (events go
 * through `events`), no `style` attribute at all (Tailwind classes, arbitrary values included,
 * cover styling without a way to load `url(...)`), no `srcset`, `action` or `formaction`.
 */
export const allowedTags = [
  'div',
  'span',
  'button',
  'input',
  'textarea',
  'select',
  'option',
  'form',
  'label',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'a',
  'img',
  'pre',
  'code',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'main',
  'aside',
  'br',
  'hr',
  'svg',
  'path',
] as const
export type AllowedTag = (typeof allowedTags)[number]

const tagSet: ReadonlySet<string> = new Set(allowedTags)

export function isAllowedTag(tag: string): tag is AllowedTag {
  return tagSet.has(tag)
}

/** Allowed on every tag, besides `aria-*` and `data-*`. */
const globalAttributes = ['id', 'title', 'role', 'tabindex', 'hidden', 'lang', 'dir', 'draggable']

const svgPaint = ['fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'opacity']

const tagAttributes: Partial<Record<AllowedTag, readonly string[]>> = {
  a: ['href', 'target', 'rel'],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
  button: ['type', 'name', 'value', 'disabled', 'autofocus'],
  input: [
    'type',
    'name',
    'value',
    'placeholder',
    'checked',
    'disabled',
    'readonly',
    'required',
    'min',
    'max',
    'step',
    'minlength',
    'maxlength',
    'pattern',
    'autocomplete',
    'autofocus',
    'size',
    'multiple',
  ],
  textarea: [
    'name',
    'placeholder',
    'rows',
    'cols',
    'disabled',
    'readonly',
    'required',
    'minlength',
    'maxlength',
    'autocomplete',
    'autofocus',
    'wrap',
  ],
  select: ['name', 'disabled', 'required', 'multiple', 'size', 'autofocus'],
  option: ['value', 'selected', 'disabled', 'label'],
  form: ['name', 'autocomplete', 'novalidate'],
  label: ['for'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  svg: ['viewBox', 'width', 'height', 'xmlns', 'preserveAspectRatio', ...svgPaint],
  path: ['d', 'fill-rule', 'clip-rule', ...svgPaint],
}

/** Attributes whose value is a URL and must pass `sanitizeUrl`. */
export const urlAttributes: ReadonlySet<string> = new Set(['href', 'src'])

/**
 * Input types that submit or load something on their own (`image` loads `src`, `submit` is
 * fine: submit never reloads because the renderer prevents it).
 */
const refusedInputTypes = new Set(['image'])

export function isAllowedAttribute(tag: string, name: string): boolean {
  if (!isAllowedTag(tag)) return false
  const lower = name.toLowerCase()
  if (lower.startsWith('on') || lower === 'style') return false
  if (/^(aria|data)-[a-z0-9-]+$/.test(lower)) return true
  if (globalAttributes.includes(lower)) return true
  return tagAttributes[tag]?.includes(name) ?? false
}

/** Values some allowed attributes may not take. */
export function isAllowedAttributeValue(tag: string, name: string, value: unknown): boolean {
  if (tag === 'input' && name === 'type') return !refusedInputTypes.has(String(value).toLowerCase())
  return true
}
