import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url))
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the real CLI in its own process, from the repository root like `pnpm troupe`. */
export function troupe(...args: string[]): CliRun {
  const result = spawnSync(tsx, [main, ...args], { cwd: repoRoot, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

export const fixturePath = (...parts: string[]) =>
  fileURLToPath(new URL(`../fixtures/${parts.join('/')}`, import.meta.url))
