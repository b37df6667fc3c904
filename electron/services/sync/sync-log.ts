import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { nowIso } from '../clock'

/**
 * What each sync did, for the Sync page and `cli sync log`: i18n keys with their params,
 * the last 500 lines kept. A line that says the same as the one before it (a sync that
 * changed nothing, the registry still unreachable) is not written again: the line before
 * counts it (`count`, `since` the first of them, `at` the latest), so that two minutes'
 * quiet syncs for a day make one line and a sync that refused or failed stays in sight.
 */
export type LogLevel = 'info' | 'warning' | 'error'
const KEEP = 500
/** The key of a sync that sent, refused and received nothing. */
export const QUIET_KEY = 'sync.log.quiet'

type Params = Record<string, string | number>
/** Kept beside the params in `params_json`, not passed to the sentence. */
const COUNT = '~count'
const SINCE = '~since'

function withoutMeta(params: Params): Params {
  const { [COUNT]: _count, [SINCE]: _since, ...rest } = params
  return rest
}

const same = (a: Params, b: Params) => JSON.stringify(a) === JSON.stringify(b)

export function logSync(db: Db, level: LogLevel, key: string, params: Params = {}): void {
  const at = nowIso()
  const last = sql(
    db,
    `SELECT seq, at, level, message_key AS key, params_json AS params FROM sync_log
     ORDER BY seq DESC LIMIT 1`,
  ).get() as { seq: number; at: string; level: string; key: string; params: string } | undefined
  if (last && last.level === level && last.key === key) {
    const before = JSON.parse(last.params) as Params
    if (same(withoutMeta(before), params)) {
      const folded = {
        ...params,
        [COUNT]: Number(before[COUNT] ?? 1) + 1,
        [SINCE]: before[SINCE] ?? last.at,
      }
      sql(db, 'UPDATE sync_log SET at = ?, params_json = ? WHERE seq = ?').run(
        at,
        JSON.stringify(folded),
        last.seq,
      )
      return
    }
  }
  sql(db, 'INSERT INTO sync_log (at, level, message_key, params_json) VALUES (?, ?, ?, ?)').run(
    at,
    level,
    key,
    JSON.stringify(params),
  )
  sql(db, 'DELETE FROM sync_log WHERE seq <= (SELECT max(seq) FROM sync_log) - ?').run(KEEP)
}

export interface LogLine {
  /** When it was last said. */
  at: string
  level: LogLevel
  key: string
  params: Params
  /** How many syncs said it in a row (1: once). */
  count: number
  /** When the first of them said it. */
  since: string
  /** A refusal, a conflict or a failure: what someone should look at. */
  attention: boolean
}

/** The log, newest first; `attention`: only the lines someone should look at. */
export function readSyncLog(db: Db, limit = 100, options: { attention?: boolean } = {}): LogLine[] {
  const rows = sql(
    db,
    `SELECT at, level, message_key AS key, params_json AS params FROM sync_log
     ${options.attention ? `WHERE level <> 'info'` : ''}
     ORDER BY seq DESC LIMIT ?`,
  ).all(limit) as { at: string; level: LogLevel; key: string; params: string }[]
  return rows.map((row) => {
    const params = JSON.parse(row.params) as Params
    return {
      at: row.at,
      level: row.level,
      key: row.key,
      params: withoutMeta(params),
      count: Number(params[COUNT] ?? 1),
      since: String(params[SINCE] ?? row.at),
      attention: row.level !== 'info',
    }
  })
}
