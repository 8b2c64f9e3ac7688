// Moved to core, so the studio's diffs and recorded fixtures use the same final state.
export { type FinalState, finalState } from '@troupe/core'
