import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Who a request comes from, by the owner token: `Authorization: Bearer <token>` (programs),
 * the session cookie the login link set (browsers), or `?token=` on /sync (automerge-repo's
 * websocket client cannot set headers). The cookie holds an HMAC of the token, not the token.
 */
export class OwnerSession {
  readonly cookieName: string
  readonly #token: string
  readonly #cookieValue: string

  constructor(token: string, port: number) {
    this.#token = token
    // Cookies are per host, not per port: two servers on one machine keep separate logins.
    this.cookieName = `troupe_session_${port}`
    this.#cookieValue = createHmac('sha256', token)
      .update('troupe owner session v1')
      .digest('base64url')
  }

  isToken(candidate: string | null | undefined): boolean {
    return typeof candidate === 'string' && sameSecret(candidate, this.#token)
  }

  /** True when the request carries the owner's login in any accepted form. */
  isOwner(req: IncomingMessage, options: { allowQueryToken?: boolean } = {}): boolean {
    const auth = req.headers.authorization
    if (auth?.startsWith('Bearer ') && this.isToken(auth.slice(7).trim())) return true
    const cookie = readCookie(req.headers.cookie, this.cookieName)
    if (cookie !== undefined && sameSecret(cookie, this.#cookieValue)) return true
    if (options.allowQueryToken) {
      const token = new URL(req.url ?? '/', 'http://x').searchParams.get('token')
      if (this.isToken(token)) return true
    }
    return false
  }

  /** Set-Cookie for a logged-in browser: HttpOnly, SameSite=Strict, Secure over https. */
  cookie(secure: boolean): string {
    const parts = [
      `${this.cookieName}=${this.#cookieValue}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Strict',
      `Max-Age=${60 * 60 * 24 * 30}`,
    ]
    if (secure) parts.push('Secure')
    return parts.join('; ')
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
function sameSecret(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(a), digest(b))
}
