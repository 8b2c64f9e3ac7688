import { randomBytes } from 'node:crypto'
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const TOKEN_FILE = 'owner-token'

/**
 * The owner's secret, kept in the data folder so it survives restarts and moves with a backup:
 * 32 random bytes (base64url), created on first start with mode 0600 (readable by the
 * account that runs the server only). Returns the token and whether it was just created.
 */
export function ensureOwnerToken(dataDir: string): { token: string; created: boolean } {
  const file = join(dataDir, TOKEN_FILE)
  try {
    const token = readFileSync(file, 'utf8').trim()
    if (token.length >= 32) {
      // Someone loosened the mode (a copy, an editor): tighten it again.
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600)
      return { token, created: false }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const token = randomBytes(32).toString('base64url')
  writeFileSync(file, `${token}\n`, { mode: 0o600 })
  chmodSync(file, 0o600) // the mode above is filtered by the umask; this is not
  return { token, created: true }
}
