import { randomBytes } from 'node:crypto'
import { chmodSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from '../services/files/atomic-write'

/**
 * The browser host's launch token, kept per data folder (`host-token`, mode 0600, in the
 * 0700 folder beside `sijill.key`) so that a host restarted on the same desk answers the
 * tabs already open: they reconnect, and their people log in again (login sessions live in
 * the host process and end with it). `--new-token` makes a new one, and the old addresses
 * stop working. docs/security.md weighs this against a token per launch.
 */
export const HOST_TOKEN_FILE = 'host-token'
const SHAPE = /^[A-Za-z0-9_-]{32,}$/

export function hostToken(dataDir: string, options: { renew?: boolean } = {}): string {
  const file = join(dataDir, HOST_TOKEN_FILE)
  if (!options.renew) {
    let kept: string | null = null
    try {
      kept = readFileSync(file, 'utf8').trim()
    } catch {
      kept = null
    }
    if (kept && SHAPE.test(kept)) {
      chmodSync(file, 0o600) // a file copied in with wider modes is narrowed again
      return kept
    }
  }
  const token = randomBytes(24).toString('base64url')
  // whole or not at all: a kill mid-write leaves the old token (or none), never half of one
  writeFileAtomic(file, `${token}\n`, { mode: 0o600 })
  return token
}
