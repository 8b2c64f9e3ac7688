/**
 * App keys: what integrations send (`Authorization: Bearer <key>`) to drive a shared-scope
 * app. 32 random bytes; only the SHA-256 is stored, so the record never holds the key itself.
 * WebCrypto only, so this runs in Node and in browsers alike.
 */
export function newAppKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  const base64 = btoa(String.fromCharCode(...bytes))
  return `troupe_app_${base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`
}

/** SHA-256 of an app key, hex: what the app record stores and the server compares. */
export async function hashAppKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}
