/**
 * The built-in skill types of VIEW-FORMAT.md. The runtime implements exactly these; names
 * starting with `@` are reserved for them, so a project skill can never shadow one.
 */
export const builtInSkillTypes = [
  '@input/updateContext',
  '@entity/createEntity',
  '@entity/updateEntity',
  '@entity/deleteEntity',
  '@entity/toggleStatus',
  '@entity/clearEntities',
  '@view/swapActors',
  '@ui/updateInput',
  '@ui/clearInput',
  '@ui/toggleVisible',
  '@actor/emit',
] as const
export type BuiltInSkillType = (typeof builtInSkillTypes)[number]

const builtInSet: ReadonlySet<string> = new Set(builtInSkillTypes)

export function isBuiltInSkill(type: string): type is BuiltInSkillType {
  return builtInSet.has(type)
}

/** Names a project skill may not take. */
export function isReservedSkillName(name: string): boolean {
  return name.startsWith('@')
}
