import { cbor } from '@automerge/automerge-repo'

/**
 * One sync-protocol frame as the websocket carries it (CBOR), for tools and tests that speak
 * the protocol without a repo: hostile-client tests, the server benchmark.
 */
export function encodeFrame(message: Record<string, unknown>): Uint8Array {
  return cbor.encode(message)
}
