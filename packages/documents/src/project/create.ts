import type { DocHandle, Repo } from '@automerge/automerge-repo'
import type { ActorDefinition, ProjectFile } from '@troupe/core'
import { parseProjectText, TroupeValidationError, validateProject } from '@troupe/core'
import { createInstance } from '../instance/create-instance'
import type { InstanceDoc } from '../schema/instance'
import {
  type CanvasPosition,
  PROJECT_DOC_TYPE,
  PROJECT_DOC_VERSION,
  type ProjectDoc,
} from '../schema/project'
import { plain } from '../write-json'
import { layoutActors } from './layout'

export interface ProjectHandles {
  project: DocHandle<ProjectDoc>
  instance: DocHandle<InstanceDoc>
}

export interface CreateProjectOptions {
  name?: string
  /** Start from this project file (validated first; a refused file creates nothing). */
  from?: ProjectFile
  /** Canvas positions by actor id (a duplicate keeps its source's); others are laid out. */
  positions?: Record<string, CanvasPosition>
}

/** The root a new empty project starts with: a container that handles its own events. */
export function emptyRootActor(): ActorDefinition {
  return {
    role: 'root',
    context: { visible: true },
    view: { container: { layout: 'flex', class: 'flex flex-col gap-4 p-4' } },
    subscriptions: ['root'],
    children: [],
    dependencies: {},
  }
}

function emptyProjectFile(name: string): ProjectFile {
  return { troupe: 1, name, root: 'root', actors: { root: emptyRootActor() } }
}

/**
 * Creates a project document and its running instance. The instance starts from the runtime's
 * initial state of the project, and the project names it in `instanceUrl`, so whoever opens
 * the project finds the same running app.
 */
export function createProject(repo: Repo, options: CreateProjectOptions = {}): ProjectHandles {
  const file = options.from ? checked(options.from) : emptyProjectFile(options.name ?? 'Untitled')
  const positions = { ...layoutActors(file), ...options.positions }
  const actors: ProjectDoc['actors'] = {}
  for (const [id, definition] of Object.entries(file.actors)) {
    actors[id] = { ...definition, position: positions[id] ?? { x: 0, y: 0 } }
  }
  const project = repo.create<ProjectDoc>(
    plain({
      type: PROJECT_DOC_TYPE,
      version: PROJECT_DOC_VERSION,
      name: options.name ?? file.name,
      root: file.root,
      actors,
      skills: file.skills ?? {},
      settings: file.settings ?? {},
      entities: file.entities ?? {},
      instanceUrl: '',
    }),
  )
  const instance = createInstance(repo, project.url, file)
  project.change((doc) => {
    doc.instanceUrl = instance.url
  })
  return { project, instance }
}

/**
 * Imports a project file (its text or parsed JSON). Everything is validated by core first;
 * a refused project throws TroupeValidationError with every issue and creates no document.
 */
export function importProjectFile(repo: Repo, input: string | unknown): ProjectHandles {
  const result = typeof input === 'string' ? parseProjectText(input) : validateProject(input)
  if (!result.ok) throw new TroupeValidationError(result.issues)
  return createProject(repo, { from: result.project })
}

function checked(file: ProjectFile): ProjectFile {
  const result = validateProject(file)
  if (!result.ok) throw new TroupeValidationError(result.issues)
  return result.project
}
