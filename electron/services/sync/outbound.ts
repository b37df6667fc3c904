import type { PushOperation } from '@shared/registry/contract'
import {
  ArtisanChangeSchema,
  ArtisanFieldsSchema,
  CertificateNoticeSchema,
  type ArtisanChange,
} from '@shared/registry/records'
import { HELD_FOR_APPROVAL } from '../approvals/held'
import type { Db } from '../database/open'
import { sql } from '../database/statements'

/**
 * The outbox as the registry reads it: each pending operation, in order, turned from what
 * the desk recorded (a registration, an identification, the fields of a correction, a
 * step of the path) into the contract's change — desk-only details (notes, drafts, the
 * files a clerk judged to be other people) stay on the desk.
 */
export interface OutboxRow {
  seq: number
  opId: string
  entityType: string
  entityId: string
  op: 'create' | 'update' | 'delete'
  payload: string
  baseRevision: string | null
  createdAt: string
  attempts: number
}

const FIELDS = Object.keys(ArtisanFieldsSchema.shape)

/**
 * The head of the queue, in order: up to `limit` pending operations, stopping at the first
 * one still waiting for its retry time — nothing overtakes an operation that failed (an
 * update must never reach the registry before the creation it depends on). Every
 * operation of a file waiting for a supervisor's approval is held back, together, so the
 * file's own order stays (docs/approvals.md).
 */
export function pendingOperations(db: Db, now: string, limit: number): OutboxRow[] {
  const rows = sql(
    db,
    `SELECT seq, op_id AS opId, entity_type AS entityType, entity_id AS entityId, op, payload,
       base_revision AS baseRevision, created_at AS createdAt, attempts,
       next_attempt_at AS nextAttemptAt
     FROM outbox WHERE status = 'pending' AND NOT ${HELD_FOR_APPROVAL} ORDER BY seq LIMIT ?`,
  ).all(limit) as (OutboxRow & { nextAttemptAt: string | null })[]
  const due: OutboxRow[] = []
  for (const { nextAttemptAt, ...row } of rows) {
    if (nextAttemptAt && nextAttemptAt > now) break
    due.push(row)
  }
  return due
}

/** The contract's operation for a row, or null when the row cannot be expressed in it. */
export function toPushOperation(row: OutboxRow): PushOperation | null {
  if (row.entityType === 'certificate') {
    const notice = CertificateNoticeSchema.safeParse(JSON.parse(row.payload))
    if (!notice.success || row.op === 'delete') return null
    return {
      opId: row.opId,
      entityType: 'certificate',
      entityId: row.entityId,
      op: row.op,
      baseRevision: null,
      createdAt: row.createdAt,
      payload: notice.data,
    }
  }
  if (row.entityType !== 'artisan') return null
  const change = artisanChangeOf(JSON.parse(row.payload) as Record<string, unknown>, row.createdAt)
  if (!change) return null
  return {
    opId: row.opId,
    entityType: 'artisan',
    entityId: row.entityId,
    op: row.op,
    baseRevision: row.baseRevision,
    createdAt: row.createdAt,
    payload: change,
  }
}

/** What the desk recorded for an artisan, as the contract's change (null if it cannot be). */
export function artisanChangeOf(
  payload: Record<string, unknown>,
  createdAt: string,
): ArtisanChange | null {
  const change: Record<string, unknown> = {}
  for (const key of FIELDS) if (key in payload) change[key] = payload[key]
  if (payload.consent === true && !('consentAt' in payload)) change.consentAt = createdAt
  if (payload.rnaStatus === 'identified' || payload.rnaStatus === 'pending')
    change.rnaStatus = payload.rnaStatus
  if (payload.step) change.step = payload.step
  const parsed = ArtisanChangeSchema.safeParse(change)
  return parsed.success ? parsed.data : null
}
