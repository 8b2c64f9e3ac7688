/**
 * What one sync connection may do, decided by the server's access policy (apps/server) and
 * asked by the socket adapter for every message, by document id.
 */
export interface SyncGate {
  /** A short name for logs and for peer-id ownership: connections with the same principal may take over each other's peer id (a reconnect); others may not. */
  principal: string
  canRead(documentId: string): boolean
  canWrite(documentId: string): boolean
}

export interface SyncLimits {
  /** Largest websocket frame accepted; a larger one closes the connection. */
  maxMessageBytes: number
  /** A write is refused when the document's bytes on disk plus the incoming message exceed this. */
  maxDocumentBytes: number
  /** Sustained messages per second one connection may send ... */
  messagesPerSecond: number
  /** ... with bursts up to this many (a client opening many documents sends one request each). */
  messageBurst: number
}

export const defaultSyncLimits: SyncLimits = {
  maxMessageBytes: 64 * 2 ** 20,
  maxDocumentBytes: 256 * 2 ** 20,
  messagesPerSecond: 500,
  messageBurst: 2000,
}

/** Why the adapter refused a message or closed a connection: one TRP code each (docs/errors.md). */
export type Refusal =
  | { code: 'TRP-602'; reason: 'not allowed to read'; documentId: string; type: string }
  | { code: 'TRP-603'; reason: 'not allowed to write'; documentId: string }
  | { code: 'TRP-604'; reason: 'message too large'; bytes: number }
  | { code: 'TRP-605'; reason: 'document too large'; documentId: string; bytes: number }
  | { code: 'TRP-607'; reason: 'too many messages per second' }
  | { code: 'TRP-608'; reason: 'malformed message'; detail: string }
  | { code: 'TRP-609'; reason: 'peer id taken or spoofed'; peerId: string }

/** Websocket close codes for refusals that end the connection (4000-4999 are for applications). */
export const closeCodes = {
  'TRP-603': 4003,
  'TRP-604': 1009,
  'TRP-605': 4013,
  'TRP-607': 4029,
  'TRP-608': 1007,
  'TRP-609': 4009,
} as const
