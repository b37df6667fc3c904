import { heldCount } from '../approvals/held'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { RESENDABLE } from './resend'
import { readState, type LastRun } from './state'

/**
 * What the Sync page and `cli sync status` show: the link to the registry, the last runs,
 * what waits in the outbox, what the registry refused (with its reason, per record) and
 * the conflicts to resolve; and one artisan's own sync state for its file.
 */
/** A refused operation still standing: not yet replaced by a new creation (resend.ts). */
const standing = (o: string) =>
  `${o}status = 'rejected' AND json_extract(${o}last_error, '$.resentAs') IS NULL`

/** The artisan an outbox operation belongs to (a certificate's, from its notice). */
const ARTISAN_OF = `CASE o.entity_type WHEN 'artisan' THEN o.entity_id
  ELSE json_extract(o.payload, '$.artisanId') END`

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
    rejected: count(standing('')),
    conflicts: sql(db, 'SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL')
      .pluck()
      .get() as number,
    lastRun: readState(db, 'lastRun') ?? null,
    lastSuccessAt: readState(db, 'lastSuccessAt') ?? null,
  }
}

export interface RejectedOperation {
  opId: string
  entityType: 'artisan' | 'certificate'
  /** The file the operation belongs to (a certificate's artisan). */
  artisanId: string
  name: string
  cin: string | null
  createdAt: string
  op: 'create' | 'update' | 'delete'
  reason: { code: string; message: string }
  /** The registry does not know the file: it can be sent again as a new registration. */
  resendable: boolean
}

/** Operations the registry refused, newest first, with the file they belong to. */
export function rejectedOperations(db: Db, limit = 200): RejectedOperation[] {
  return (
    sql(
      db,
      `SELECT o.op_id AS opId, o.entity_type AS entityType, o.op, o.created_at AS createdAt,
         coalesce(a.id, ${ARTISAN_OF}) AS artisanId, o.last_error AS reason, a.cin,
         ${RESENDABLE} AND a.id IS NOT NULL AND a.deleted_at IS NULL AS resendable,
         trim(coalesce(a.first_name_lat, '') || ' ' || coalesce(a.last_name_lat, '') || ' ' ||
           coalesce(a.first_name_ar, '') || ' ' || coalesce(a.last_name_ar, '')) AS name
       FROM outbox o LEFT JOIN artisan a ON a.id = ${ARTISAN_OF}
       WHERE ${standing('o.')} AND o.entity_type IN ('artisan', 'certificate')
       ORDER BY o.seq DESC LIMIT ?`,
    ).all(limit) as (Omit<RejectedOperation, 'reason' | 'resendable'> & {
      reason: string | null
      resendable: number
    })[]
  ).map((r) => ({
    ...r,
    resendable: Boolean(r.resendable),
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
     WHERE entity_type = 'artisan' AND entity_id = ? AND (status = 'pending' OR (${standing('')}))
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
