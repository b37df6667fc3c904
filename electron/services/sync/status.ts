import { heldCount } from '../approvals/held'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { readState, type LastRun } from './state'

/**
 * What the Sync page and `cli sync status` show: the link to the registry, the last runs,
 * what waits in the outbox, what the registry refused (with its reason, per record) and
 * the conflicts to resolve; and one artisan's own sync state for its file.
 */
export interface SyncStatus {
  enrolled: boolean
  registryUrl: string | null
  deskCode: string | null
  chamberCode: string | null
  enrolledAt: string | null
  pending: number
  /** Of the pending operations, those held until a supervisor approves their file. */
  heldForApproval: number
  rejected: number
  conflicts: number
  lastRun: LastRun | null
  lastSuccessAt: string | null
}

export function syncStatus(db: Db): SyncStatus {
  const enrolment = readState(db, 'enrolment')
  const count = (where: string) =>
    sql(db, `SELECT count(*) FROM outbox WHERE ${where}`).pluck().get() as number
  return {
    enrolled: Boolean(enrolment),
    registryUrl: enrolment?.registryUrl ?? null,
    deskCode: enrolment?.deskCode ?? null,
    chamberCode: enrolment?.chamberCode ?? null,
    enrolledAt: enrolment?.enrolledAt ?? null,
    pending: count(`status = 'pending'`),
    heldForApproval: heldCount(db),
    rejected: count(`status = 'rejected'`),
    conflicts: sql(db, 'SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL')
      .pluck()
      .get() as number,
    lastRun: readState(db, 'lastRun') ?? null,
    lastSuccessAt: readState(db, 'lastSuccessAt') ?? null,
  }
}

export interface RejectedOperation {
  opId: string
  artisanId: string
  name: string
  cin: string | null
  createdAt: string
  reason: { code: string; message: string }
}

/** Operations the registry refused, newest first, with the file they belong to. */
export function rejectedOperations(db: Db, limit = 200): RejectedOperation[] {
  return (
    sql(
      db,
      `SELECT o.op_id AS opId, o.entity_id AS artisanId, o.created_at AS createdAt,
         o.last_error AS reason, a.cin,
         trim(coalesce(a.first_name_lat, '') || ' ' || coalesce(a.last_name_lat, '') || ' ' ||
           coalesce(a.first_name_ar, '') || ' ' || coalesce(a.last_name_ar, '')) AS name
       FROM outbox o LEFT JOIN artisan a ON a.id = o.entity_id
       WHERE o.status = 'rejected' AND o.entity_type = 'artisan'
       ORDER BY o.seq DESC LIMIT ?`,
    ).all(limit) as (Omit<RejectedOperation, 'reason'> & { reason: string | null })[]
  ).map((r) => ({
    ...r,
    reason: r.reason
      ? (JSON.parse(r.reason) as RejectedOperation['reason'])
      : { code: 'unknown', message: '' },
  }))
}

export type RecordSyncState = 'local' | 'pending' | 'synced' | 'rejected' | 'conflict'

/** One file's sync state and, when the registry refused a change of it, why. */
export function recordSyncState(
  db: Db,
  artisanId: string,
): { state: RecordSyncState; reason: { code: string; message: string } | null } {
  const conflict = sql(
    db,
    `SELECT 1 FROM sync_conflict WHERE entity_type = 'artisan' AND entity_id = ? AND resolved_at IS NULL`,
  ).get(artisanId)
  if (conflict) return { state: 'conflict', reason: null }
  const last = sql(
    db,
    `SELECT status, last_error AS lastError FROM outbox
     WHERE entity_type = 'artisan' AND entity_id = ? AND status IN ('pending', 'rejected')
     ORDER BY seq DESC LIMIT 1`,
  ).get(artisanId) as { status: 'pending' | 'rejected'; lastError: string | null } | undefined
  if (last?.status === 'rejected')
    return {
      state: 'rejected',
      reason: last.lastError
        ? (JSON.parse(last.lastError) as { code: string; message: string })
        : null,
    }
  if (last) return { state: 'pending', reason: null }
  const revision = sql(db, 'SELECT server_revision FROM artisan WHERE id = ?')
    .pluck()
    .get(artisanId)
  return { state: revision ? 'synced' : 'local', reason: null }
}
