import type { BackupCounts } from '@shared/api/methods/backup'
import type { Db } from '../database/open'

/**
 * What a backup or the live database holds, in the words of the restore warning: schema
 * version, desk, counts of artisans, documents and sessions, and the time of the last
 * recorded change. Works on any past schema (a table that did not exist yet counts 0).
 * The queries are data, so the worker thread can run them on its own connection: counting
 * a national-size register reads the whole table (about a second at 200,000 artisans).
 */
export interface DatabaseFacts {
  schemaVersion: number
  deskId: string | null
  deskName: string | null
  counts: BackupCounts
  lastChangeAt: string | null
}

export interface FactQuery {
  name: string
  /** Run only when this table exists (older schemas). */
  table: string | null
  sql: string
}

export const FACT_QUERIES: readonly FactQuery[] = [
  { name: 'schemaVersion', table: null, sql: 'PRAGMA user_version' },
  { name: 'deskId', table: 'settings', sql: `SELECT value FROM settings WHERE key = 'desk.id'` },
  {
    name: 'deskName',
    table: 'settings',
    sql: `SELECT value FROM settings WHERE key = 'desk.name'`,
  },
  {
    name: 'artisans',
    table: 'artisan',
    sql: 'SELECT count(*) FROM artisan WHERE deleted_at IS NULL',
  },
  { name: 'documents', table: 'document', sql: 'SELECT count(*) FROM document' },
  { name: 'sessions', table: 'session', sql: 'SELECT count(*) FROM session' },
  {
    name: 'lastChangeAt',
    table: 'audit_log',
    sql: 'SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1',
  },
]

export type FactValues = Record<string, unknown>

function jsonString(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  try {
    const value: unknown = JSON.parse(raw)
    return typeof value === 'string' ? value : null
  } catch {
    return null
  }
}

const int = (v: unknown) => (typeof v === 'number' ? v : 0)

export function factsFrom(values: FactValues): DatabaseFacts {
  return {
    schemaVersion: int(values.schemaVersion),
    deskId: jsonString(values.deskId),
    deskName: jsonString(values.deskName),
    counts: {
      artisans: int(values.artisans),
      documents: int(values.documents),
      sessions: int(values.sessions),
    },
    lastChangeAt: typeof values.lastChangeAt === 'string' ? values.lastChangeAt : null,
  }
}

/** Runs the fact queries on a connection (this thread). */
export function factValues(db: Db): FactValues {
  const values: FactValues = {}
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
  for (const q of FACT_QUERIES) {
    values[q.name] =
      q.table === null || exists.get(q.table) !== undefined
        ? (db.prepare(q.sql).pluck().get() ?? null)
        : null
  }
  return values
}

export function describeDatabase(db: Db): DatabaseFacts {
  return factsFrom(factValues(db))
}
