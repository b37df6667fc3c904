import { nowIso } from '../clock'
import type { Db } from '../database/open'

/** Version bookkeeping of the reference streams (regions, territories, activities). */
export function streamVersion(db: Db, name: string): number | undefined {
  return db.prepare('SELECT version FROM reference_stream WHERE name = ?').pluck().get(name) as
    number | undefined
}

export function setStreamVersion(db: Db, name: string, version: number): void {
  db.prepare(
    `INSERT INTO reference_stream (name, version, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at`,
  ).run(name, version, nowIso())
}
