/**
 * The server's saved copy of a document (GET /api/documents/<id>): a project this browser has
 * never held opens with one Automerge load of it instead of a whole-document sync (see
 * seedFromSnapshot). Null when the server has none or cannot be reached: sync then brings it.
 */
export async function serverSnapshot(documentId: string): Promise<Uint8Array | null> {
  const url = `/api/documents/${documentId}`
  const response = await (takeEarlySnapshot(url) ?? fetch(url, { credentials: 'same-origin' }))
  return response.ok ? new Uint8Array(await response.arrayBuffer()) : null
}

/**
 * An answer index.html asked for while the studio's script was downloading (a page opened at
 * a project's address: the project's copy, and its instance's once the first answer named
 * it), taken once: a later open of the project asks again.
 */
function takeEarlySnapshot(url: string): Promise<Response> | null {
  const early = (window as EarlyWindow).troupeEarlySnapshots
  const response = early?.[url]
  if (!early || !response) return null
  delete early[url]
  return response
}

type EarlyWindow = Window & { troupeEarlySnapshots?: Record<string, Promise<Response>> }
