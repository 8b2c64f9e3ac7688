/**
 * The least time, in ms, automerge-repo leaves between two sync rounds of one document with
 * its peers (DocSynchronizer's throttle). Stock automerge-repo 2.5.6 fixes it at 100 ms and a
 * round is armed by every change, the ones a peer receives too, so a write could wait that
 * long on the writer and again on the server. Our pnpm patch of @automerge/automerge-repo
 * (patches/, docs/SCALING.md) makes it the Repo option `syncDebounceRate`; Troupe's repos
 * (server, studio, player, CLI) pass this value.
 */
export const SYNC_THROTTLE_MS = 0
