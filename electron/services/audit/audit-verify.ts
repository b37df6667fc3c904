import type { AuditVerdictView } from '@shared/api/methods/audit'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { verifyAuditChain } from './audit-log'

/**
 * The audit chain checked end to end, said so that someone can act on it: intact with the
 * number of rows, or the first broken link — its seq, id and time, and the last row before
 * it that still holds. Besides the chain, SQLite's own counter of the table's last seq shows
 * whether the newest rows were removed (which no hash after them could reveal).
 */
export function verifyAudit(db: Db): AuditVerdictView {
  const verdict = verifyAuditChain(db)
  if (!verdict.ok) {
    const row = sql(db, 'SELECT id, at FROM audit_log WHERE seq = ?').get(verdict.brokenAt) as
      { id: string; at: string } | undefined
    const previousSeq =
      (sql(db, 'SELECT max(seq) FROM audit_log WHERE seq < ?').pluck().get(verdict.brokenAt) as
        number | null) ?? null
    return {
      intact: false,
      count: verdict.count,
      broken: {
        seq: verdict.brokenAt,
        id: row?.id ?? null,
        at: row?.at ?? null,
        reason: verdict.reason,
        previousSeq,
      },
    }
  }
  const last = (sql(db, 'SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0
  const issued =
    (sql(db, `SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).pluck().get() as
      number | undefined) ?? 0
  if (issued > last)
    return {
      intact: false,
      count: verdict.count,
      broken: {
        seq: last + 1,
        id: null,
        at: null,
        reason: 'truncated',
        previousSeq: last || null,
      },
    }
  return { intact: true, count: verdict.count, broken: null }
}
