import type { Json, JsonObject } from '@troupe/core'
import { isPlainObject, isSafeKey, readQuerySpec, stripUnsafeKeys } from '@troupe/core'
import { setContextPath } from '../context-path'
import { payloadObject, requireString, type Skill, type SkillContext, SkillError } from './types'

/** The schema names of the receiving actor's queries, in order. */
function querySchemas(ctx: SkillContext): string[] {
  const queries = ctx.context().queries
  if (!isPlainObject(queries)) return []
  return Object.values(queries)
    .map((q) => readQuerySpec(q)?.schemaName)
    .filter((s): s is string => typeof s === 'string')
}

/** `schemaName` from the payload, or the actor's only query's schema. */
function schemaFor(skill: string, ctx: SkillContext, payload: JsonObject): string {
  const given = payload.schemaName
  if (typeof given === 'string' && given !== '') {
    if (!isSafeKey(given)) throw new SkillError(`${skill}: "${given}" is not a schema name`)
    return given
  }
  const schemas = [...new Set(querySchemas(ctx))]
  if (schemas.length === 1) return schemas[0]!
  throw new SkillError(
    `${skill} needs "schemaName": the actor has ${schemas.length ? `${schemas.length} query schemas` : 'no query'} to take it from`,
  )
}

/**
 * Finds the schema holding entity `id`: the payload's `schemaName` if given, else the
 * actor's query schemas first, then every schema of the instance.
 */
function schemaOfEntity(skill: string, ctx: SkillContext, payload: JsonObject, id: string): string {
  const given = payload.schemaName
  const candidates =
    typeof given === 'string'
      ? [given]
      : [...new Set([...querySchemas(ctx), ...ctx.state.schemas()])]
  const found = candidates.find((schema) => ctx.state.entity(schema, id) !== undefined)
  if (found === undefined) throw new SkillError(`${skill}: no entity with id "${id}"`)
  return found
}

function without(payload: JsonObject, keys: string[]): JsonObject {
  const out: JsonObject = {}
  for (const key of Object.keys(payload))
    if (!keys.includes(key) && isSafeKey(key)) out[key] = payload[key]!
  return out
}

/**
 * `@entity/createEntity { schemaName?, entityData, clearFieldPath? }`. Without `entityData`
 * the other payload fields are the data (the seed's `{ name: 'context.newItemText' }` form).
 * The id is `entityData.id` when given and free, otherwise a new one.
 */
const createEntity: Skill = (ctx, payload) => {
  const p = payloadObject('@entity/createEntity', payload)
  const schema = schemaFor('@entity/createEntity', ctx, p)
  const data = isPlainObject(p.entityData)
    ? p.entityData
    : without(p, ['schemaName', 'clearFieldPath', 'entityData'])
  const givenId =
    typeof data.id === 'string' || typeof data.id === 'number' ? String(data.id) : undefined
  if (givenId !== undefined && ctx.state.entity(schema, givenId) !== undefined) {
    throw new SkillError(`@entity/createEntity: ${schema} "${givenId}" already exists`)
  }
  const id = givenId ?? ctx.newId()
  if (!isSafeKey(id)) throw new SkillError(`@entity/createEntity: "${id}" is not an id`)
  const entity = { ...(stripUnsafeKeys(data) as JsonObject), id }
  ctx.write({ kind: 'putEntity', schema, id, entity })
  if (typeof p.clearFieldPath === 'string' && p.clearFieldPath !== '')
    setContextPath(ctx, p.clearFieldPath, '')
}

/** `@entity/updateEntity { id, updates }` or `{ id, field: value, … }`: patches those fields. */
const updateEntity: Skill = (ctx, payload) => {
  const p = payloadObject('@entity/updateEntity', payload)
  const id = requireString('@entity/updateEntity', p, 'id')
  const schema = schemaOfEntity('@entity/updateEntity', ctx, p, id)
  const changes = without(isPlainObject(p.updates) ? p.updates : without(p, ['schemaName']), ['id'])
  ctx.write({ kind: 'patchEntity', schema, id, changes })
}

/** `@entity/deleteEntity { id }`. */
const deleteEntity: Skill = (ctx, payload) => {
  const p = payloadObject('@entity/deleteEntity', payload)
  const id = requireString('@entity/deleteEntity', p, 'id')
  ctx.write({
    kind: 'deleteEntity',
    schema: schemaOfEntity('@entity/deleteEntity', ctx, p, id),
    id,
  })
}

/**
 * `@entity/toggleStatus { id, statusField = "status", value1, value2 }`: value1 if the field
 * was value2, else value2. Without values it toggles a boolean (value1 true, value2 false).
 */
const toggleStatus: Skill = (ctx, payload) => {
  const p = payloadObject('@entity/toggleStatus', payload)
  const id = requireString('@entity/toggleStatus', p, 'id')
  const schema = schemaOfEntity('@entity/toggleStatus', ctx, p, id)
  const field = typeof p.statusField === 'string' && p.statusField !== '' ? p.statusField : 'status'
  if (!isSafeKey(field) || field === 'id')
    throw new SkillError(`@entity/toggleStatus cannot toggle "${field}"`)
  const value1: Json = p.value1 === undefined ? true : p.value1
  const value2: Json = p.value2 === undefined ? false : p.value2
  const current = ctx.state.entity(schema, id)?.[field]
  const next = current === value2 ? value1 : value2
  ctx.write({ kind: 'patchEntity', schema, id, changes: { [field]: next } })
}

/** `@entity/clearEntities { schemaName }`: removes every entity of the schema, one delete each. */
const clearEntities: Skill = (ctx, payload) => {
  const p = payloadObject('@entity/clearEntities', payload)
  const schema = schemaFor('@entity/clearEntities', ctx, p)
  for (const id of Object.keys(ctx.state.entities(schema) ?? {})) {
    ctx.write({ kind: 'deleteEntity', schema, id })
  }
}

export const entitySkills: Record<string, Skill> = {
  '@entity/createEntity': createEntity,
  '@entity/updateEntity': updateEntity,
  '@entity/deleteEntity': deleteEntity,
  '@entity/toggleStatus': toggleStatus,
  '@entity/clearEntities': clearEntities,
}
