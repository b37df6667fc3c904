import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'

/**
 * The registry's own SQLite file, `DIR/registry.db` (plain, WAL). Its schema is the
 * registry's business, not the desk's: devices and their tokens, artisans as the registry
 * holds them, the operations it has answered (idempotency), the change feed every desk
 * pulls from, certificate notices, and a few counters.
 */
export type Db = Database.Database

const SCHEMA = `
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY,
  chamber_code TEXT NOT NULL,
  desk_code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  app_version TEXT NOT NULL,
  refresh_hash TEXT UNIQUE,
  previous_refresh_hash TEXT,
  previous_refresh_until INTEGER,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS access_tokens (
  hash TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices(id),
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS enrolment_tokens (
  hash TEXT PRIMARY KEY,
  chamber_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  used_at TEXT,
  used_by TEXT
);
CREATE TABLE IF NOT EXISTS artisans (
  id TEXT PRIMARY KEY,
  chamber_code TEXT NOT NULL,
  cin_key TEXT,
  nia TEXT,
  state TEXT NOT NULL,
  revision TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  origin TEXT,
  review_due_at INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS artisans_cin ON artisans(cin_key)
  WHERE deleted = 0 AND cin_key IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS artisans_nia ON artisans(nia)
  WHERE deleted = 0 AND nia IS NOT NULL;
CREATE INDEX IF NOT EXISTS artisans_review ON artisans(review_due_at)
  WHERE review_due_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS operations (
  op_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  result TEXT NOT NULL,
  processed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feed (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  chamber_code TEXT NOT NULL,
  origin TEXT
);
CREATE INDEX IF NOT EXISTS feed_chamber ON feed(chamber_code, seq);
CREATE INDEX IF NOT EXISTS feed_entity ON feed(entity_type, entity_id, seq);
CREATE TABLE IF NOT EXISTS certificates (
  number TEXT PRIMARY KEY,
  artisan_id TEXT NOT NULL,
  chamber_code TEXT NOT NULL,
  notice TEXT NOT NULL,
  revision TEXT NOT NULL,
  origin TEXT
);
CREATE TABLE IF NOT EXISTS nia_sequences (
  chamber_code TEXT PRIMARY KEY,
  last INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS reference (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT OR IGNORE INTO reference (id, version) VALUES (1, 1);
`

export function openRegistryDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, 'registry.db'))
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    db.exec(SCHEMA)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Appends one row to the change feed; its seq is the entity's new revision. */
export function appendFeed(
  db: Db,
  entityType: 'artisan' | 'certificate',
  entityId: string,
  chamberCode: string,
  origin: string | null,
): string {
  const info = db
    .prepare('INSERT INTO feed (entity_type, entity_id, chamber_code, origin) VALUES (?, ?, ?, ?)')
    .run(entityType, entityId, chamberCode, origin)
  return String(info.lastInsertRowid)
}

export function referenceVersion(db: Db): number {
  return db.prepare('SELECT version FROM reference WHERE id = 1').pluck().get() as number
}

/** What an admin does when the ministry publishes new reference data. */
export function bumpReferenceVersion(db: Db): number {
  db.prepare('UPDATE reference SET version = version + 1 WHERE id = 1').run()
  return referenceVersion(db)
}
