import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `troupe-${prefix}-`))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}
