// Small process helpers shared by start.mjs and test.mjs: run a command with its output
// shown, and find the repo root and the pinned pnpm.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const rootPackage = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'))
export const pnpmVersion = rootPackage.devDependencies.pnpm

export function step(title) {
  console.log(`\n▶ ${title}`)
}

/** Runs a command in the repo root, output shown; resolves to its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', ...options })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`)
      resolve(1)
    })
  })
}

export function bin(name) {
  return join(repoRoot, 'node_modules', '.bin', name)
}

/**
 * Installs the workspace with the pinned pnpm when node_modules is missing or older than the
 * lockfile. pnpm comes from npm (npx), never from corepack, which cannot fetch it here.
 */
export async function ensureInstalled({ frozen }) {
  const marker = join(repoRoot, 'node_modules', '.modules.yaml')
  const lock = join(repoRoot, 'pnpm-lock.yaml')
  const fresh =
    existsSync(marker) &&
    existsSync(bin('pnpm')) &&
    (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs)
  if (fresh) return 0
  step(`Installing dependencies with pnpm ${pnpmVersion} (first run takes a minute)`)
  const args = ['--yes', `pnpm@${pnpmVersion}`, 'install']
  if (frozen) args.push('--frozen-lockfile')
  return run('npx', args)
}
