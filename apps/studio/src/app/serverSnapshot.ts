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
 * The answer index.html asked for while the studio's script was downloading (a page opened at
 * a project's address), taken once: a later open of the project asks again.
 */
function takeEarlySnapshot(url: string): Promise<Response> | null {
  const early = (window as EarlyWindow).troupeEarlySnapshot
  if (early?.url !== url) return null
  delete (window as EarlyWindow).troupeEarlySnapshot
  return early.response
}

type EarlyWindow = Window & { troupeEarlySnapshot?: { url: string; response: Promise<Response> } }
