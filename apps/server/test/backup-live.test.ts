import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createNodeRepo, whenSynced } from '@troupe/documents/node'
import { describe, expect, it } from 'vitest'
import { spawnServer } from './child-server'
import { tempDir } from './helpers'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** `pnpm troupe …` as its own process, without blocking this one (the client keeps writing). */
function troupe(
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'packages/cli/src/main.ts', ...args],
      {
        cwd: repoRoot,
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.once('exit', (status) => resolve({ status, stdout, stderr }))
  })
}

type Log = { items: number[] }

describe('backup while the server runs', () => {
  it('holds every change acknowledged before it started, as a whole prefix, while writes go on', async () => {
    const data = tempDir('live-data')
    const out = tempDir('live-backup')
    const restored = tempDir('live-restored')
    // Background saves every 20 ms: the server saves and compacts all through the backup.
    const server = await spawnServer(data.path, { TROUPE_SAVE_DEBOUNCE_MS: '20' })
    const writer = createNodeRepo({ syncUrl: server.ownerSyncUrl })
    try {
      const handles = [0, 1, 2].map(() => writer.create<Log>({ items: [] }))
      let stopped = false
      let next = 0
      const write = async () => {
        for (; !stopped; next++) {
          for (const handle of handles) handle.change((doc) => void doc.items.push(next))
          await new Promise((resolve) => setTimeout(resolve, 2))
        }
      }
      await Promise.race([write(), new Promise((resolve) => setTimeout(resolve, 1000))])
      stopped = true
      // whenSynced waits for the current heads, so the writer pauses for it: everything up to
      // here is acknowledged, so it is on the server's disk.
      await Promise.all(handles.map((handle) => whenSynced(writer, handle)))
      const acknowledged = handles.map((handle) => handle.doc().items.length)
      stopped = false
      const writing = write()

      const backup = await troupe('backup', `${out.path}/b`, '--data', data.path)
      stopped = true
      await writing
      expect(backup.stderr).toMatch(/backed up 3\/3 documents, [\d.]+ MiB\n$/)
      expect(backup.stderr).not.toMatch(/TRP-/)
      expect(backup.status).toBe(0)

      const refused = await troupe('restore', `${out.path}/b`, '--data', data.path, '--force')
      expect(refused.status).toBe(1)
      expect(refused.stderr).toMatch(/TRP-613 the data folder .* is in use by a Troupe server/)

      const restore = await troupe('restore', `${out.path}/b`, '--data', `${restored.path}/d`)
      expect(restore.status).toBe(0)
      const reader = createNodeRepo({ dataDir: `${restored.path}/d` })
      try {
        for (const [index, handle] of handles.entries()) {
          const items = (await reader.find<Log>(handle.url)).doc().items
          expect(items.length).toBeGreaterThanOrEqual(acknowledged[index] as number)
          // One writer, linear history: a consistent copy is 0, 1, 2, … with no hole.
          expect(items).toEqual(items.map((_, position) => position))
        }
      } finally {
        await reader.shutdown()
      }
    } finally {
      await writer.shutdown()
      await server.kill()
      for (const dir of [data, out, restored]) dir.remove()
    }
  }, 90_000)
})

describe('one server per data folder', () => {
  it('refuses a second server process on a folder a running one holds, and takes over after a SIGKILL', async () => {
    const data = tempDir('held')
    const first = await spawnServer(data.path)
    try {
      await expect(spawnServer(data.path)).rejects.toThrow(
        /TRP-613 the data folder .* is in use by a Troupe server \(process \d+/,
      )
      await first.kill() // its lock stays behind, naming a process that no longer runs
      const second = await spawnServer(data.path)
      await second.kill()
    } finally {
      await first.kill()
      data.remove()
    }
  }, 60_000)
})
