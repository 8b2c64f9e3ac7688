import * as A from '@automerge/automerge'
import { Repo } from '@automerge/automerge-repo'
import type { ProjectFile } from '@troupe/core'
import { issueCodes, TroupeValidationError } from '@troupe/core'
import { describe, expect, it } from 'vitest'
import { createProject, openProject } from '../src/index'
import { readLog } from '../src/instance/state'
import { INSTANCE_DOC_VERSION, type InstanceDoc } from '../src/schema/instance'
import { migrateInstance } from '../src/schema/instance-migrations'
import { migrateProject } from '../src/schema/project-migrations'

describe('document migrations', () => {
  it('brings a version-0 project (no version, no skills, no positions) to version 1 inside a change', () => {
    const old = A.from<Record<string, unknown>>({
      name: 'Old',
      root: 'root',
      actors: {
        root: {
          role: 'root',
          context: {},
          view: { tag: 'p' },
          subscriptions: [],
          children: [],
          dependencies: {},
        },
      },
    })
    let changed = false
    const migrated = A.change(old, (d) => {
      changed = migrateProject(d)
    })
    expect(changed).toBe(true)
    expect(migrated).toMatchObject({
      type: 'troupe/project',
      version: 1,
      skills: {},
      settings: {},
      entities: {},
      instanceUrl: '',
      actors: { root: { position: { x: 80, y: 80 } } },
    })
  })

  it('leaves a current document untouched', () => {
    const current = {
      type: 'troupe/instance',
      version: INSTANCE_DOC_VERSION,
      project: 'x',
      actors: {},
      entities: {},
      log: [],
    }
    expect(migrateInstance(current)).toBe(false)
    expect(current).toEqual({
      type: 'troupe/instance',
      version: INSTANCE_DOC_VERSION,
      project: 'x',
      actors: {},
      entities: {},
      log: [],
    })
  })

  it('fills a version-0 instance', () => {
    const doc: Record<string, unknown> = { project: 'automerge:abc' }
    expect(migrateInstance(doc)).toBe(true)
    expect(doc).toEqual({
      type: 'troupe/instance',
      version: INSTANCE_DOC_VERSION,
      project: 'automerge:abc',
      actors: {},
      entities: {},
      log: [],
    })
  })

  it('moves a version-1 flat log into segments inside one change, every entry kept in order', () => {
    const entries = Array.from({ length: 2_500 }, (_, n) => JSON.stringify({ n }))
    let doc = A.from<Record<string, unknown>>({
      type: 'troupe/instance',
      version: 1,
      project: 'automerge:abc',
      actors: {},
      entities: {},
      log: entries.map((entry) => new A.ImmutableString(entry)),
    })
    doc = A.change(doc, (d) => {
      migrateInstance(d)
    })
    const migrated = doc as unknown as InstanceDoc
    expect(migrated.version).toBe(INSTANCE_DOC_VERSION)
    expect(migrated.log.map((segment) => segment.length)).toEqual([1_000, 1_000, 500])
    expect(readLog(migrated).map((entry) => JSON.stringify(entry))).toEqual(entries)
    expect(readLog(migrated, 1_999).map((entry) => JSON.stringify(entry))).toEqual(
      entries.slice(1_999),
    )
  })

  it('refuses a document from a newer Troupe, or of another type, with TRP-102', () => {
    for (const doc of [
      { type: 'troupe/project', version: 99 },
      { type: 'troupe/instance', version: 1 },
    ]) {
      let error: unknown
      try {
        migrateProject(doc)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(TroupeValidationError)
      expect((error as TroupeValidationError).issues[0]!.code).toBe(issueCodes.unsupportedVersion)
    }
  })
})

const openFile: ProjectFile = {
  troupe: 1,
  name: 'Open',
  root: 'root',
  actors: {
    root: {
      role: 'root',
      context: { visible: true },
      view: { container: { layout: 'flex' } },
      subscriptions: [],
      children: [],
      dependencies: {},
    },
  },
}

describe('opening a project migrates what is old and writes nothing to what is current', () => {
  it('brings an older instance to the current version in one change, then leaves it be', async () => {
    const repo = new Repo({ network: [] })
    const { project, instance } = createProject(repo, { from: openFile })
    instance.change((d) => {
      d.version = INSTANCE_DOC_VERSION - 1
    })
    const before = A.getAllChanges(instance.doc()).length
    const opened = await openProject(repo, project.url)
    expect(opened.instance.doc().version).toBe(INSTANCE_DOC_VERSION)
    expect(A.getAllChanges(opened.instance.doc())).toHaveLength(before + 1)
    await openProject(repo, project.url)
    expect(A.getAllChanges(opened.instance.doc())).toHaveLength(before + 1)
    await repo.shutdown()
  })

  it('refuses an instance from a newer Troupe, naming its version', async () => {
    const repo = new Repo({ network: [] })
    const { project, instance } = createProject(repo, { from: openFile })
    instance.change((d) => {
      d.version = INSTANCE_DOC_VERSION + 1
    })
    await expect(openProject(repo, project.url)).rejects.toThrow(/newer than this Troupe/)
    await repo.shutdown()
  })
})
