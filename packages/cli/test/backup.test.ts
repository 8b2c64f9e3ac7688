import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseProjectText } from '@troupe/core'
import {
  type AutomergeUrl,
  type InstanceDoc,
  importProjectFile,
  instanceState,
  type ProjectDoc,
  raiseEvents,
  readLog,
} from '@troupe/documents'
import { createServerRepo, holdDataFolder, MANIFEST_FILE } from '@troupe/documents/node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { fixturePath, troupe } from './run-cli'
import { tempDir } from './temp'

// Each case starts the real CLI as a process (tsx + Automerge's wasm): seconds, not ms.
vi.setConfig({ testTimeout: 60_000 })

const dir = tempDir('backup')
afterAll(() => dir.remove())
const at = (...parts: string[]) => join(dir.path, ...parts)

interface Written {
  project: AutomergeUrl
  instance: AutomergeUrl
  notes: AutomergeUrl
  heads: Record<string, string[]>
  logLength: number
  state: unknown
}

/**
 * A data folder written the way the server writes it (FileStorage under createServerRepo):
 * the todo-list project with 40 events raised in 8 saved rounds (so documents have several
 * chunk files), plus a plain document, and the owner token.
 */
async function writeDataFolder(dataDir: string): Promise<Written> {
  const { repo, close } = await createServerRepo({ dataDir, fsync: false })
  const text = readFileSync(fixturePath('todo-list', 'project.json'), 'utf8')
  const events = JSON.parse(readFileSync(fixturePath('todo-list', 'events.json'), 'utf8'))
  const parsed = parseProjectText(text)
  if (!parsed.ok) throw new Error('fixture refused')
  const { project, instance } = importProjectFile(repo, text)
  const notes = repo.create<{ lines: string[] }>({ lines: [] })
  for (let round = 0; round < 8; round++) {
    raiseEvents(instance, parsed.project, events.slice(0, 5))
    notes.change((doc) => {
      doc.lines.push(`round ${round}`)
    })
    await repo.flush()
  }
  const heads = Object.fromEntries(
    [project, instance, notes].map((handle) => [handle.documentId, [...handle.heads()].sort()]),
  )
  const written = {
    project: project.url,
    instance: instance.url,
    notes: notes.url,
    heads,
    logLength: readLog(instance.doc()).length,
    state: instanceState(instance.doc()),
  }
  await close()
  await repo.shutdown()
  writeFileSync(join(dataDir, 'owner-token'), 'a-token-of-thirty-two-characters-or-more\n', {
    mode: 0o600,
  })
  return written
}

describe('troupe backup and restore', () => {
  let written: Written
  beforeAll(async () => {
    written = await writeDataFolder(at('data'))
  })

  it('backs up every document with a manifest of counts and checksums', () => {
    const run = troupe('backup', at('backup'), '--data', at('data'))
    expect(run.stderr).toMatch(/backed up 3\/3 documents/)
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Backed up 3 documents \(\d+ files, [\d.]+ MiB, \d+ changes\)/)
    const manifest = JSON.parse(readFileSync(at('backup', MANIFEST_FILE), 'utf8'))
    expect(manifest.counts.documents).toBe(3)
    expect(Object.keys(manifest.documents).sort()).toEqual(Object.keys(written.heads).sort())
    for (const [id, heads] of Object.entries(written.heads)) {
      expect(manifest.documents[id].heads).toEqual(heads)
    }
    expect(manifest.settings.map((file: { path: string }) => file.path)).toEqual(['owner-token'])
    expect(statSync(at('backup', 'owner-token')).mode & 0o777).toBe(0o600)
    expect(statSync(at('backup')).mode & 0o077).toBe(0)
  })

  it('restores into a new folder that a real repo opens with every document and change', async () => {
    const run = troupe('restore', at('backup'), '--data', at('restored'))
    expect(run.stderr).toMatch(/checked and restored 3\/3 documents/)
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Restored 3 documents/)
    expect(readFileSync(at('restored', 'owner-token'), 'utf8')).toMatch(/^a-token-of/)
    expect(statSync(at('restored', 'owner-token')).mode & 0o777).toBe(0o600)

    const { repo, close } = await createServerRepo({ dataDir: at('restored'), fsync: false })
    try {
      const project = await repo.find<ProjectDoc>(written.project)
      const instance = await repo.find<InstanceDoc>(written.instance)
      const notes = await repo.find<{ lines: string[] }>(written.notes)
      for (const handle of [project, instance, notes]) {
        expect([...handle.heads()].sort()).toEqual(written.heads[handle.documentId])
      }
      expect(readLog(instance.doc())).toHaveLength(written.logLength)
      expect(instanceState(instance.doc())).toEqual(written.state)
      expect(notes.doc().lines).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((n) => `round ${n}`))
      expect(project.doc().instanceUrl).toBe(written.instance)
    } finally {
      await close()
      await repo.shutdown()
    }
  })

  it('refuses to restore over a non-empty data folder without --force, changing nothing', () => {
    const run = troupe('restore', at('backup'), '--data', at('data'))
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/TRP-614 the data folder .* is not empty .*--force/)
    expect(readdirSync(dir.path).filter((name) => name.includes('replaced'))).toEqual([])
  })

  it('with --force moves the old data folder aside instead of deleting it', () => {
    writeFileSync(at('data', 'marker'), 'old')
    const run = troupe('restore', at('backup'), '--data', at('data'), '--force')
    expect(run.status).toBe(0)
    expect(run.stderr).toMatch(/previous contents of .* were moved to .*data\.replaced-/)
    const aside = readdirSync(dir.path).find((name) => name.startsWith('data.replaced-'))
    expect(readFileSync(at(aside as string, 'marker'), 'utf8')).toBe('old')
    expect(readdirSync(at('data'))).not.toContain('marker')
  })

  it('refuses to restore while a server process holds the data folder', () => {
    // This test process takes the lock as a running server does; the CLI is another process.
    const release = holdDataFolder(at('restored'))
    try {
      const run = troupe('restore', at('backup'), '--data', at('restored'), '--force')
      expect(run.status).toBe(1)
      expect(run.stderr).toMatch(
        new RegExp(
          `TRP-613 the data folder .* is in use by a Troupe server \\(process ${process.pid}`,
        ),
      )
    } finally {
      release()
    }
  })

  it('refuses a damaged backup (TRP-616) and a folder that is not one (TRP-615), changing nothing', () => {
    expect(troupe('backup', at('damaged'), '--data', at('data')).status).toBe(0)
    const manifest = JSON.parse(readFileSync(at('damaged', MANIFEST_FILE), 'utf8'))
    const file = Object.values(
      manifest.documents as Record<string, { files: { path: string }[] }>,
    )[0]?.files[0]?.path as string
    const bytes = readFileSync(at('damaged', file))
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0xff
    writeFileSync(at('damaged', file), bytes)
    const damaged = troupe('restore', at('damaged'), '--data', at('fresh'))
    expect(damaged.status).toBe(1)
    expect(damaged.stderr).toMatch(/TRP-616 the backup is damaged: .* does not match the checksum/)
    expect(readdirSync(dir.path).filter((name) => name.includes('fresh'))).toEqual([])

    const none = troupe('restore', at('data'), '--data', at('fresh'))
    expect(none.status).toBe(1)
    expect(none.stderr).toMatch(/TRP-615 .* holds no troupe-backup.json/)
  })

  it('leaves out a damaged file of the data folder, names it (TRP-617) and exits 1', () => {
    const manifest = JSON.parse(readFileSync(at('backup', MANIFEST_FILE), 'utf8'))
    const files: { path: string }[] =
      manifest.documents[written.notes.slice('automerge:'.length)]?.files ?? []
    const victim = files[0]?.path as string
    writeFileSync(at('data', victim), readFileSync(at('data', victim)).subarray(0, 20))
    const run = troupe('backup', at('partial'), '--data', at('data'))
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`TRP-617 ${victim} failed Automerge's checks`)
    expect(run.stdout).toMatch(/Backed up 3 documents/)
  })

  it('refuses a non-empty backup folder (TRP-618) and a missing data folder (TRP-619)', () => {
    const full = troupe('backup', at('backup'), '--data', at('data'))
    expect(full.status).toBe(1)
    expect(full.stderr).toMatch(/TRP-618 the backup folder .* is not empty/)
    const missing = troupe('backup', at('new-backup'), '--data', at('no-such-data'))
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/TRP-619 there is no data folder at .*no-such-data/)
  })
})
