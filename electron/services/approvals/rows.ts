import type { ApprovalKind, ApprovalStatus } from '@shared/approvals/approval'
import type { Db } from '../database/open'
import { sql } from '../database/statements'

/**
 * The approval table as the services read it: one row, the open request of a file, and
 * the changed fields kept on a request (per field: the value before the first held
 * change, and the value now).
 */
export interface ApprovalRow {
  id: string
  artisanId: string
  kind: ApprovalKind
  status: ApprovalStatus
  requestedById: string
  requestedByName: string
  requestedAt: string
  changedFieldsJson: string
  decidedById: string | null
  decidedByName: string | null
  decidedAt: string | null
  comment: string | null
  version: number
}

export type ChangedFields = Record<string, { before: unknown; after: unknown }>

export const APPROVAL_COLUMNS = `approval.id, artisan_id AS artisanId, kind, approval.status,
  requested_by_id AS requestedById, requested_by_name AS requestedByName,
  requested_at AS requestedAt, changed_fields_json AS changedFieldsJson,
  decided_by_id AS decidedById, decided_by_name AS decidedByName, decided_at AS decidedAt,
  comment, approval.version`

export function approvalRow(db: Db, id: string): ApprovalRow | undefined {
  return sql(db, `SELECT ${APPROVAL_COLUMNS} FROM approval WHERE id = ?`).get(id) as
    ApprovalRow | undefined
}

/** The file's open request (pending or returned), if any: there is at most one. */
export function openApprovalRow(db: Db, artisanId: string): ApprovalRow | undefined {
  return sql(
    db,
    `SELECT ${APPROVAL_COLUMNS} FROM approval
     WHERE artisan_id = ? AND status IN ('pending', 'returned')`,
  ).get(artisanId) as ApprovalRow | undefined
}

/**
 * Adds a change to the fields already held: the first `before` stays, the `after` is the
 * newest; a field back to where it was drops out.
 */
export function mergeChanges(held: ChangedFields, change: ChangedFields): ChangedFields {
  const out: ChangedFields = { ...held }
  for (const [field, { before, after }] of Object.entries(change)) {
    const was = field in held ? held[field]?.before : before
    if (JSON.stringify(was ?? null) === JSON.stringify(after ?? null)) delete out[field]
    else out[field] = { before: was ?? null, after: after ?? null }
  }
  return out
}
