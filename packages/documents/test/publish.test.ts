import { Repo } from '@automerge/automerge-repo'
import { issueCodes, TroupeValidationError } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import {
  type AnyDocumentId,
  addActor,
  createProject,
  diffVersions,
  findVersion,
  hashAppKey,
  instanceState,
  linkChild,
  listVersions,
  type ProjectDoc,
  publishProject,
  rollbackApp,
  setActorContext,
  toProjectFile,
  versionDefinition,
} from '../src/index'

const newRepo = () => new Repo({ network: [] })

function refusedCodes(run: () => Promise<unknown>): Promise<string[]> {
  return run().then(
    () => {
      throw new Error('publishing was not refused')
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(TroupeValidationError)
      return (error as TroupeValidationError).issues.map((i) => i.code)
    },
  )
}

describe('publishing a project', () => {
  it('pins the definition at the current heads as version 1, live, with a key shown once', async () => {
    const repo = newRepo()
    const { project } = createProject(repo, { name: 'Demo' })
    const heads = project.heads()
    const published = await publishProject(repo, project, undefined, {
      slug: 'demo',
      note: 'first',
    })
    const doc = published.app.doc()
    expect(published.number).toBe(1)
    expect(doc.live).toBe(1)
    expect(doc.slug).toBe('demo')
    expect(doc.scope).toBe('visitor')
    expect(doc.instanceUrl).toBe('')
    const [v1] = listVersions(doc)
    expect(v1).toMatchObject({ number: 1, note: 'first', projectUrl: project.url, live: true })
    expect(v1?.heads).toEqual([...heads])
    // The frozen copy is the definition at those heads.
    const atHeads = project.view(heads).doc() as ProjectDoc
    expect(versionDefinition(findVersion(doc, 1))).toEqual(toProjectFile(atHeads))
    // Only the hash is stored.
    expect(published.key).toMatch(/^troupe_app_[\w-]{43}$/)
    expect(doc.keyHash).toBe(await hashAppKey(published.key as string))
    expect(JSON.stringify(doc)).not.toContain(published.key)
  })

  it('never changes a version when the project is edited or republished', async () => {
    const repo = newRepo()
    const { project } = createProject(repo)
    const { app } = await publishProject(repo, project, undefined, { slug: 'demo' })
    const before = JSON.stringify(findVersion(app.doc(), 1))
    setActorContext(project, 'root', { visible: false })
    expect(JSON.stringify(findVersion(app.doc(), 1))).toBe(before)
    const again = await publishProject(repo, project, app, { slug: 'demo', note: 'hidden root' })
    expect(again.number).toBe(2)
    expect(again.key).toBeUndefined()
    expect(app.doc().live).toBe(2)
    expect(JSON.stringify(findVersion(app.doc(), 1))).toBe(before)
    expect(versionDefinition(findVersion(app.doc(), 2)).actors.root?.context).toEqual({
      visible: false,
    })
  })

  it('diffs two versions and rolls back as a new version entry', async () => {
    const repo = newRepo()
    const { project } = createProject(repo)
    const { app } = await publishProject(repo, project, undefined, { slug: 'demo' })
    const id = addActor(
      project,
      {
        role: 'label',
        context: { text: 'hi' },
        view: { tag: 'p', elements: ['hi'] },
        subscriptions: [],
        children: [],
        dependencies: {},
      },
      { x: 0, y: 0 },
    )
    linkChild(project, 'root', id)
    await publishProject(repo, project, app, { slug: 'demo' })
    const diff = diffVersions(app.doc(), 1, 2)
    expect(diff.added).toEqual([id])
    expect(diff.removed).toEqual([])
    expect(diff.changed).toEqual([{ actorId: 'root', paths: [['children', 0]] }])

    const v1 = JSON.stringify(findVersion(app.doc(), 1))
    const v2 = JSON.stringify(findVersion(app.doc(), 2))
    expect(rollbackApp(app, 1)).toBe(3)
    const doc = app.doc()
    expect(doc.live).toBe(3)
    expect(doc.versions.map((v) => v.number)).toEqual([1, 2, 3])
    expect(JSON.stringify(findVersion(doc, 1))).toBe(v1)
    expect(JSON.stringify(findVersion(doc, 2))).toBe(v2)
    expect(findVersion(doc, 3).rollbackOf).toBe(1)
    expect(versionDefinition(findVersion(doc, 3))).toEqual(versionDefinition(findVersion(doc, 1)))
    expect(diffVersions(doc, 2, 3).removed).toEqual([id])
    expect(() => rollbackApp(app, 9)).toThrow(/TRP-304/)
  })

  it('creates the shared instance at the first publish of a shared app', async () => {
    const repo = newRepo()
    const { project } = createProject(repo)
    const { app } = await publishProject(repo, project, undefined, {
      slug: 'team',
      scope: 'shared',
    })
    const url = app.doc().instanceUrl
    expect(url).toMatch(/^automerge:/)
    const instance = await repo.find(url as AnyDocumentId)
    expect(Object.keys(instanceState(instance.doc() as never).actors)).toEqual(['root'])
    await publishProject(repo, project, app, { slug: 'team' })
    expect(app.doc().instanceUrl).toBe(url)
  })

  it('refuses a broken project with core issues naming actor and path, and writes nothing', async () => {
    const repo = newRepo()
    const { project } = createProject(repo)
    const { app } = await publishProject(repo, project, undefined, { slug: 'demo' })
    // A peer wrote a subscription to an actor that does not exist.
    project.change((doc) => {
      doc.actors.root?.subscriptions.push('ghost')
    })
    const heads = app.heads()
    const error = await publishProject(repo, project, app, { slug: 'demo' }).catch((e) => e)
    expect(error).toBeInstanceOf(TroupeValidationError)
    const issue = (error as TroupeValidationError).issues[0]
    expect(issue).toMatchObject({ code: issueCodes.missingActor, actorId: 'root' })
    expect(issue?.path).toEqual(['subscriptions', 1])
    expect(app.heads()).toEqual(heads)
    expect(Object.keys(repo.handles)).toHaveLength(3)
  })

  it('refuses a bad slug, a slug of another project and a change of scope', async () => {
    const repo = newRepo()
    const { project } = createProject(repo)
    const { project: other } = createProject(repo)
    expect(
      await refusedCodes(() => publishProject(repo, project, undefined, { slug: 'No Way' })),
    ).toEqual([issueCodes.invalidSlug])
    const { app } = await publishProject(repo, project, undefined, { slug: 'demo' })
    expect(await refusedCodes(() => publishProject(repo, other, app, { slug: 'demo' }))).toEqual([
      issueCodes.slugTaken,
    ])
    expect(
      await refusedCodes(() =>
        publishProject(repo, project, app, { slug: 'demo', scope: 'shared' }),
      ),
    ).toEqual([issueCodes.invalidScope])
    expect(app.doc().versions).toHaveLength(1)
  })
})
