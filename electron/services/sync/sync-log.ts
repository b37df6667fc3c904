import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { nowIso } from '../clock'

/** What each sync did, for the Sync page: i18n keys with their params, the last 500 kept. */
export type LogLevel = 'info' | 'warning' | 'error'
const KEEP = 500

export function logSync(
  db: Db,
  level: LogLevel,
  key: string,
  params: Record<string, string | number> = {},
): void {
  sql(db, 'INSERT INTO sync_log (at, level, message_key, params_json) VALUES (?, ?, ?, ?)').run(
    nowIso(),
    level,
    key,
    JSON.stringify(params),
  )
  sql(db, 'DELETE FROM sync_log WHERE seq <= (SELECT max(seq) FROM sync_log) - ?').run(KEEP)
}

export interface LogLine {
  at: string
  level: LogLevel
  key: string
  params: Record<string, string | number>
}

export function readSyncLog(db: Db, limit = 100): LogLine[] {
  return (
    sql(
      db,
      `SELECT at, level, message_key AS key, params_json AS params FROM sync_log
       ORDER BY seq DESC LIMIT ?`,
    ).all(limit) as (Omit<LogLine, 'params'> & { params: string })[]
  ).map((l) => ({ ...l, params: JSON.parse(l.params) as LogLine['params'] }))
}
