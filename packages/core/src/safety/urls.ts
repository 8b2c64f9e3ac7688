/**
 * URLs in `href`/`src`. Relative URLs and http(s), mailto and tel are allowed; every other
 * scheme is refused. Browsers ignore whitespace and control characters inside a scheme and
 * HTML-decode attribute text, so the check runs on a normalised copy with those removed and
 * entities and percent-escapes decoded; `java\tscript:` or `&#106;avascript:` cannot slip by.
 */
const allowedSchemes = new Set(['http', 'https', 'mailto', 'tel'])

const namedEntities: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  amp: '&',
  lpar: '(',
  rpar: ')',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X'
          ? Number.parseInt(body.slice(2), 16)
          : Number(body.slice(1))
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : ''
    }
    return namedEntities[body.toLowerCase()] ?? whole
  })
}

function decodePercent(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_whole, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  )
}

/** Whitespace, C0/C1 controls and invisible format characters, which browsers skip in a scheme. */
function isIgnorable(code: number): boolean {
  return (
    code <= 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0xad ||
    (code >= 0x200b && code <= 0x200f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x2060 ||
    code === 0xfeff
  )
}

function removeIgnorable(text: string): string {
  let out = ''
  for (const char of text) if (!isIgnorable(char.codePointAt(0) ?? 0)) out += char
  return out
}

function normalise(url: string): string {
  let text = url
  // Repeat: `&amp;#106;` or `%2526` decode in more than one step.
  for (let i = 0; i < 4; i++) {
    const next = decodePercent(decodeEntities(text))
    if (next === text) break
    text = next
  }
  return removeIgnorable(text).toLowerCase()
}

/** The URL (trimmed) when it is safe to render, otherwise null. */
export function sanitizeUrl(url: string): string | null {
  if (typeof url !== 'string') return null
  const normal = normalise(url)
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normal)
  if (scheme && !allowedSchemes.has(scheme[1] as string)) return null
  // A colon before any / ? # that did not form a valid scheme is suspicious (e.g. "\\:"); refuse.
  const firstColon = normal.indexOf(':')
  if (!scheme && firstColon !== -1) {
    const boundary = normal.search(/[/?#]/)
    if (boundary === -1 || firstColon < boundary) return null
  }
  return url.trim()
}
