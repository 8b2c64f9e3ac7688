import { getHeads, view } from '@automerge/automerge'
import type { DocHandle } from '@automerge/automerge-repo'
import type { ProjectDefinition, ProjectFile } from '@troupe/core'
import { instanceState } from '../instance/state'
import type { InstanceDoc } from '../schema/instance'
import type { ActorEntry, ProjectDoc } from '../schema/project'
import { plain } from '../write-json'

/**
 * What the runtime and the renderer need of a project document. It reads the document in
 * place (no copy), so it is cheap to call on every render; treat it as read-only. Actors carry
 * their canvas position as an extra key, which the runtime ignores.
 */
export function projectDefinition(doc: ProjectDoc): ProjectDefinition {
  return { root: doc.root, actors: doc.actors, skills: doc.skills, settings: doc.settings }
}

/** The project document's current heads, to record what a batch of events ran against. */
export function projectHeads(project: DocHandle<ProjectDoc>): string[] {
  return getHeads(project.doc())
}

/**
 * The definition as it was at `heads` of the project document (time travel). Heads this peer
 * does not have yet (a change not synced here) fall back to the current definition.
 */
export function definitionAt(
  project: DocHandle<ProjectDoc>,
  heads: readonly string[],
): ProjectDefinition {
  try {
    return projectDefinition(view(project.doc(), [...heads]))
  } catch {
    return projectDefinition(project.doc())
  }
}

/**
 * The portable project file of a project document (positions left out: the file format is
 * the definition only). With an instance, the file's initial state is that instance's state:
 * contexts merged into the actors' initial contexts and its entities as initial entities.
 */
export function toProjectFile(doc: ProjectDoc, instance?: InstanceDoc): ProjectFile {
  const actors: ProjectFile['actors'] = {}
  for (const [id, entry] of Object.entries(plain(doc.actors))) {
    const { position: _position, ...definition } = entry as ActorEntry
    const state = instance?.actors[id]
    if (state?.context) definition.context = { ...definition.context, ...plain(state.context) }
    if (state?.children) definition.children = plain(state.children)
    actors[id] = definition
  }
  const file: ProjectFile = { troupe: 1, name: doc.name, root: doc.root, actors }
  if (Object.keys(doc.skills).length) file.skills = plain(doc.skills)
  if (Object.keys(doc.settings).length) file.settings = plain(doc.settings)
  const entities = instance
    ? Object.fromEntries(
        Object.entries(plain(instanceState(instance).entities)).map(([schema, byId]) => [
          schema,
          Object.values(byId),
        ]),
      )
    : plain(doc.entities)
  if (Object.keys(entities).length) file.entities = entities
  return file
}
