/**
 * A new actor id: readable (from the role) and unique without coordination, because two
 * people may add actors at the same moment on different machines. crypto.getRandomValues
 * works in Node and in browsers, also outside secure contexts (unlike randomUUID).
 */
export function newActorId(role: string, taken: (id: string) => boolean): string {
  const base =
    role
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24) || 'actor'
  for (;;) {
    const id = `${base}-${randomSuffix()}`
    if (!taken(id)) return id
  }
}

function randomSuffix(): string {
  const bytes = new Uint8Array(4)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')
}
