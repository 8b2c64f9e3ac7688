export { coalesceEffects } from './coalesce'
export {
  applyEffects,
  cloneJson,
  type EntityStore,
  type StateEffect,
  writeEffects,
} from './effects'
export { newSortableId } from './ids'
export { initialState } from './initial-state'
export { Overlay, StateReader, type StateSource } from './overlay'
export {
  type EventResult,
  type LogEntry,
  type ProcessOptions,
  processEvent,
  processEventOver,
} from './process-event'
export { type BatchResult, processEvents } from './process-events'
export { runEvents } from './run-events'
export { builtInSkill, builtInSkills } from './skills/registry'
export { type Skill, type SkillContext, SkillError } from './skills/types'
