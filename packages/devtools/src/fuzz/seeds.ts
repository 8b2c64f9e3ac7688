/**
 * Seeds that once failed, replayed by CI (packages/devtools/test/fuzz.test.ts) and first by
 * every `pnpm fuzz`. Add each seed a run reports. Timing (automerge-repo's throttled syncs)
 * also shapes a run, so a seed replays the same edits and faults, not always the same merges.
 */

/** In memory: merged into a reference to a removed actor or a second parent before repairs. */
export const regressionSeeds = [1, 2, 5]

/**
 * Over websockets: 11 and 14 left a peer's handle unable to change before ClientSocketAdapter,
 * then left peers behind for good after a reconnect before GuardedSocketAdapter.hadOpen.
 * 11, 14 and 15 then stalled at times: the server kept to itself a change with no visible
 * effect (an edit inside an actor deleted concurrently) until the automerge-repo patch that
 * syncs on "heads-changed" (patches/, apps/server/test/relay.test.ts).
 */
export const websocketRegressionSeeds = [11, 14]

/**
 * Over websockets, 15 (and in memory, 1 at times) merged two concurrent setActorView calls of
 * different kinds (a leaf and a container) into one view holding keys of both (TRP-124),
 * before writeDifferences wrote a view that changes kind as a new object.
 */
export const viewKindSeeds = [15]
