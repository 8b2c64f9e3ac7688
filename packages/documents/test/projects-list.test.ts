import { Repo } from '@automerge/automerge-repo'
import { TroupeValidationError } from '@troupe/core'
import { afterEach, describe, expect, it } from 'vitest'
import {
  addActor,
  addToWorkspace,
  createProject,
  duplicateProject,
  instanceState,
  isDeletedProject,
  newWorkspaceDoc,
  projectDefinition,
  raiseEvent,
  removeFromWorkspace,
  renameProject,
  setActorPosition,
  setProjectSkills,
  type WorkspaceDoc,
  workspaceProjects,
} from '../src/index'
import { converged, link } from './support/network'

const repos: Repo[] = []
const newRepo = () => {
  const repo = new Repo({ network: [] })
  repos.push(repo)
  return repo
}
afterEach(async () => {
  await Promise.all(repos.splice(0).map((r) => r.shutdown()))
})

describe('the workspace list', () => {
  it('lists added projects oldest first, once each, and forgets deleted ones', () => {
    const repo = newRepo()
    const workspace = repo.create<WorkspaceDoc>(newWorkspaceDoc())
    const a = createProject(repo, { name: 'A' }).project
    const b = createProject(repo, { name: 'B' }).project
    addToWorkspace(workspace, a.url)
    addToWorkspace(workspace, b.url)
    const heads = workspace.heads()
    addToWorkspace(workspace, a.url)
    expect(workspace.heads()).toEqual(heads)
    expect(workspaceProjects(workspace.doc()).map((e) => e.url)).toEqual([a.url, b.url])
    removeFromWorkspace(workspace, a.url)
    expect(workspaceProjects(workspace.doc()).map((e) => e.url)).toEqual([b.url])
    expect(isDeletedProject(workspace.doc(), a.url)).toBe(true)
    expect(isDeletedProject(workspace.doc(), b.url)).toBe(false)
  })

  it('is the same list on two peers that add projects concurrently', async () => {
    const left = newRepo()
    const right = newRepo()
    const workspace = left.create<WorkspaceDoc>(newWorkspaceDoc())
    link(left, right)
    const there = await right.find<WorkspaceDoc>(workspace.url)
    addToWorkspace(workspace, createProject(left, { name: 'L' }).project.url)
    addToWorkspace(there, createProject(right, { name: 'R' }).project.url)
    await converged([workspace, there])
    expect(workspaceProjects(workspace.doc())).toHaveLength(2)
    expect(workspaceProjects(there.doc())).toEqual(workspaceProjects(workspace.doc()))
  })
})

describe('project operations', () => {
  it('renames in the project document and refuses an empty name', () => {
    const repo = newRepo()
    const { project } = createProject(repo, { name: 'Old' })
    renameProject(project, '  New name ')
    expect(project.doc().name).toBe('New name')
    const heads = project.heads()
    expect(() => renameProject(project, '   ')).toThrow(TroupeValidationError)
    expect(project.heads()).toEqual(heads)
  })

  it('duplicates the definition and positions into a new project with a fresh instance', () => {
    const repo = newRepo()
    const source = createProject(repo, { name: 'Source' })
    addActor(
      source.project,
      {
        role: 'hello',
        context: { visible: true, count: 0 },
        view: { tag: 'button', elements: ['Hi'], events: { click: { event: 'BUMP' } } },
        subscriptions: ['hello'],
        children: [],
        dependencies: {},
      },
      { x: 0, y: 0 },
      { id: 'hello' },
    )
    setActorPosition(source.project, 'hello', { x: 321, y: 123 })
    setProjectSkills(source.project, {
      BUMP: {
        steps: [
          {
            skill: '@input/updateContext',
            payload: { count: { $add: [{ $: 'context.count' }, 1] } },
          },
        ],
      },
    })
    raiseEvent(source.instance, projectDefinition(source.project.doc()), {
      from: 'hello',
      event: 'BUMP',
    })
    const copy = duplicateProject(repo, source.project)
    expect(copy.project.url).not.toBe(source.project.url)
    expect(copy.instance.url).not.toBe(source.instance.url)
    expect(copy.project.doc().name).toBe('Source (copy)')
    expect(copy.project.doc().actors.hello?.position).toEqual({ x: 321, y: 123 })
    expect(copy.project.doc().skills).toEqual(source.project.doc().skills)
    // The source ran once; the copy starts over.
    expect(instanceState(source.instance.doc()).actors.hello?.context?.count).toBe(1)
    expect(instanceState(copy.instance.doc()).actors.hello?.context?.count).toBeUndefined()
  })

  it('writes skills as the smallest change and refuses invalid ones whole', () => {
    const repo = newRepo()
    const { project } = createProject(repo)
    const one = { steps: [{ skill: '@ui/toggleVisible' }] }
    setProjectSkills(project, { ONE: one })
    const heads = project.heads()
    let refused: unknown
    try {
      setProjectSkills(project, { ONE: one, TWO: { steps: [{ skill: '@no/such' }] } })
    } catch (error) {
      refused = error
    }
    expect((refused as TroupeValidationError).issues.map((i) => i.code)).toEqual(['TRP-142'])
    expect(project.heads()).toEqual(heads)
    expect(project.doc().skills).toEqual({ ONE: one })
  })
})
