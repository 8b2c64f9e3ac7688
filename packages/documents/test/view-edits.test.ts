import { Repo } from '@automerge/automerge-repo'
import {
  type ActorDefinition,
  issueCodes,
  type TroupeIssue,
  TroupeValidationError,
  type View,
} from '@troupe/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  addActor,
  createProject,
  type DocHandle,
  editProject,
  linkChild,
  type ProjectDoc,
  setActorView,
} from '../src/index'

/**
 * `setActorView` checks only the edited view and what it places (the view editor calls it
 * on every keystroke), instead of copying and validating the whole project. These tests hold
 * it to the whole-project rule of `editProject`: the same views are refused with the same
 * issues, and a refused edit changes nothing.
 */

const leaf = (role: string): ActorDefinition => ({
  role,
  context: {},
  view: { tag: 'p', elements: [role] },
  subscriptions: [],
  children: [],
  dependencies: {},
})

const views: Record<string, unknown> = {
  'a valid leaf': { tag: 'p', classes: 'text-lg', elements: ['hello'] },
  'a tag that is not allowed': { tag: 'script', elements: ['x'] },
  'a javascript: URL': { tag: 'a', attributes: { href: 'javascript:alert(1)' }, elements: ['x'] },
  'a prototype key': JSON.parse('{"tag":"p","attributes":{"__proto__":{"x":1}},"elements":["x"]}'),
  'a nested prototype key': JSON.parse('{"tag":"div","elements":[{"tag":"p","constructor":1}]}'),
  'a placement of its child': {
    container: { layout: 'flex' },
    children: [{ slot: 'a', actor: 'child' }],
  },
  'a placement of a missing actor': {
    container: { layout: 'flex' },
    children: [{ slot: 'a', actor: 'ghost' }],
  },
  'a placement of an actor that is not its child': {
    container: { layout: 'flex' },
    children: [{ slot: 'a', actor: 'other' }],
  },
  'a container that is not an object': { container: 3 },
}

type Verdict = { ok: true; view: unknown } | { ok: false; issues: TroupeIssue[] }

function verdict(handle: DocHandle<ProjectDoc>, edit: () => void): Verdict {
  const heads = handle.heads()
  try {
    edit()
  } catch (error) {
    if (!(error instanceof TroupeValidationError)) throw error
    // Refused: nothing written.
    expect(handle.heads()).toEqual(heads)
    return { ok: false, issues: error.issues }
  }
  return { ok: true, view: handle.doc().actors.box?.view }
}

describe('editing one view', () => {
  let repo: Repo
  let project: DocHandle<ProjectDoc>
  let reference: DocHandle<ProjectDoc>
  beforeEach(() => {
    repo = new Repo({ network: [] })
    const make = () => {
      const handle = createProject(repo, { name: 'Views' }).project
      const root = handle.doc().root
      for (const id of ['box', 'child', 'other']) addActor(handle, leaf(id), { x: 0, y: 0 }, { id })
      linkChild(handle, root, 'box')
      linkChild(handle, 'box', 'child')
      linkChild(handle, root, 'other')
      return handle
    }
    project = make()
    reference = make()
  })
  afterEach(() => repo.shutdown())

  for (const [name, view] of Object.entries(views)) {
    it(`gives the whole-project verdict for ${name}`, () => {
      const fast = verdict(project, () => setActorView(project, 'box', view as View))
      const whole = verdict(reference, () =>
        editProject(reference, (draft) => {
          draft.actors.box!.view = view as View
        }),
      )
      expect(fast).toEqual(whole)
    })
  }

  it('names the actor and the JSON path of unsafe content, and changes nothing', () => {
    const bad = verdict(project, () =>
      setActorView(project, 'box', views['a prototype key'] as View),
    )
    expect(bad).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({
          code: issueCodes.unsafeKey,
          actorId: 'box',
          path: ['view', 'attributes', '__proto__'],
        }),
      ],
    })
    expect(project.doc().actors.box?.view).toEqual(leaf('box').view)
  })

  it('flags a placement of a missing actor with its path', () => {
    const bad = verdict(project, () =>
      setActorView(project, 'box', views['a placement of a missing actor'] as View),
    )
    expect(bad).toMatchObject({
      ok: false,
      issues: [
        {
          code: issueCodes.missingActor,
          actorId: 'box',
          path: ['view', 'children', 0, 'actor'],
        },
      ],
    })
  })

  it('still accepts an edit when the view already held that problem (after a merge)', () => {
    // A placement of "ghost" that a merge left behind (written past the checks).
    const placed = views['a placement of a missing actor'] as View
    project.change((doc) => {
      doc.actors.box!.view = structuredClone(placed)
    })
    const edited = { ...(placed as object), classes: 'gap-2' } as View
    expect(verdict(project, () => setActorView(project, 'box', edited))).toEqual({
      ok: true,
      view: edited,
    })
  })

  it('refuses an edit of an actor the project does not have', () => {
    const bad = verdict(project, () => setActorView(project, 'ghost', { tag: 'p' } as View))
    expect(bad).toMatchObject({ ok: false, issues: [{ code: issueCodes.missingActor }] })
  })
})
