import type { SharePolicy } from '@automerge/automerge-repo'

/**
 * A client talks to one central sync server and should offer it every document it has, so
 * the server stores them all (and other clients can then ask for them).
 */
export const clientSharePolicy: SharePolicy = async () => true

/**
 * The server never announces documents to clients: a client gets a document only when it
 * asks for it by URL. Otherwise every client would be sent every project on the server.
 */
export const serverSharePolicy: SharePolicy = async () => false
