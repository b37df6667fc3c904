import { existsSync, readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { createFileAtomic } from '../files/atomic-write'

/**
 * Where the database key lives. Electron keeps it sealed by the OS (safeStorage, in
 * electron/main); the browser host and the CLI keep it in a key file readable only by
 * the desk's OS user (0600), beside the database.
 */
export interface KeyStore {
  /** Human description for `cli info` and the docs. */
  readonly description: string
  read(): Buffer | null
  write(key: Buffer): void
}

export const KEY_BYTES = 32
export const KEY_FILE_NAME = 'sijill.key'

export class FileKeyStore implements KeyStore {
  readonly description: string
  private readonly file: string

  constructor(dataDir: string) {
    this.file = join(dataDir, KEY_FILE_NAME)
    this.description = `key file ${this.file} (mode 0600)`
  }

  read(): Buffer | null {
    if (!existsSync(this.file)) return null
    const hex = readFileSync(this.file, 'utf8').trim()
    if (!/^[0-9a-f]{64}$/.test(hex))
      throw new Error(`Key file ${this.file} is not a 256-bit hex key`)
    return Buffer.from(hex, 'hex')
  }

  /**
   * Creates the key file whole or not at all (a kill mid-write leaves only a `.partial`
   * swept at the next start), and never over an existing one: a key file in place is
   * the key of a database, and replacing it would lock that database for good. An
   * existing file is an EEXIST error (`recover-key` moves a wrong one aside first).
   */
  write(key: Buffer): void {
    createFileAtomic(this.file, key.toString('hex') + '\n', { mode: 0o600 })
  }
}

/** Reads the desk's key, making and storing a new random one on first run. */
export function loadOrCreateKey(store: KeyStore): { key: Buffer; created: boolean } {
  const existing = store.read()
  if (existing) return { key: existing, created: false }
  const key = randomBytes(KEY_BYTES)
  try {
    store.write(key)
  } catch (error) {
    // another process (the CLI beside the host) made the key first: theirs is the key
    const theirs = (error as NodeJS.ErrnoException).code === 'EEXIST' ? store.read() : null
    if (!theirs) throw error
    return { key: theirs, created: false }
  }
  return { key, created: true }
}
