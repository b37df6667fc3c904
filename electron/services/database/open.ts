import Database from 'better-sqlite3-multiple-ciphers'
import { appError } from '@shared/errors'
import { migrate, type MigrationOutcome } from './migrate'
import { MIGRATIONS, type Migration } from './migrations'

export type Db = Database.Database

/** SQLCipher v4 format: readable by any SQLCipher-compatible tool given the key. */
export const CIPHER = 'sqlcipher'
export const CIPHER_LEGACY = 4

export interface OpenOptions {
  file: string
  key: Buffer
  /** Path to a better_sqlite3.node built for the running ABI (Electron); Node's by default. */
  nativeBinding?: string
  migrations?: readonly Migration[]
  readonly?: boolean
}

export interface OpenDatabase {
  db: Db
  migration: MigrationOutcome
}

/**
 * The key is 256 random bits, so it is given raw (`x'…'`): a password KDF (PBKDF2 with
 * 256,000 rounds in SQLCipher v4) would add ~150 ms to every open and no strength.
 */
function applyKey(db: Db, key: Buffer): void {
  db.pragma(`cipher='${CIPHER}'`)
  db.pragma(`legacy=${CIPHER_LEGACY}`)
  db.pragma(`key="x'${key.toString('hex')}'"`)
}

/**
 * Opens (creating if needed) the desk's encrypted database: key first, then a read that
 * proves the key, then WAL, foreign keys and busy timeout, then migrations.
 */
export function openDatabase(options: OpenOptions): OpenDatabase {
  const dbOptions: Database.Options = {}
  if (options.nativeBinding) dbOptions.nativeBinding = options.nativeBinding
  if (options.readonly) dbOptions.readonly = true
  const db = new Database(options.file, dbOptions)
  try {
    applyKey(db, options.key)
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get()
    } catch (cause) {
      throw Object.assign(appError('database', 'errors.database_key'), { cause })
    }
    if (!options.readonly) db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    db.pragma('synchronous = NORMAL')
    // Every page read from disk is decrypted: keep the hot part of a national-size
    // register (indexes, the name index, the dashboard's narrow indexes — about 70 MiB for
    // the files and 140 MiB for the period's facts at 10^6 artisans) in memory — at most
    // 256 MiB, taken only as pages are read.
    db.pragma('cache_size = -262144')
    db.pragma('temp_store = MEMORY')
    const migration = options.readonly
      ? { from: 0, to: 0, applied: [] }
      : migrate(db, options.migrations ?? MIGRATIONS)
    return { db, migration }
  } catch (error) {
    db.close()
    throw error
  }
}

/** Lets SQLite refresh statistics, checkpoints the WAL, and closes. */
export function closeDatabase(db: Db): void {
  if (!db.open) return
  try {
    db.pragma('optimize')
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
}

export function sqliteVersion(db: Db): string {
  return db.prepare('SELECT sqlite_version()').pluck().get() as string
}
