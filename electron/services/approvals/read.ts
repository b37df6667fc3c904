import type { Actor } from '@shared/api/roles'
import type { ApprovalView } from '@shared/approvals/approval'
import { appError } from '@shared/errors'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { heldCount } from './held'
import {
  APPROVAL_COLUMNS,
  approvalRow,
  openApprovalRow,
  type ApprovalRow,
  type ChangedFields,
} from './rows'
import { canDecide } from './settings'

/**
 * The approval queue as people see it: each request with the artisan's identity, the
 * fields it changes (before → after) and how many operations of the file it holds.
 * Supervisors and administrators see every request; anyone else only their own.
 */
type Identity = ApprovalView['artisan']

const IDENTITY = `SELECT cin, first_name_ar AS firstNameAr, last_name_ar AS lastNameAr,
  first_name_lat AS firstNameLat, last_name_lat AS lastNameLat, birth_date AS birthDate
  FROM artisan WHERE id = ?`

const NO_IDENTITY: Identity = {
  cin: null,
  firstNameAr: null,
  lastNameAr: null,
  firstNameLat: null,
  lastNameLat: null,
  birthDate: null,
}

export function toView(db: Db, row: ApprovalRow): ApprovalView {
  const changed = JSON.parse(row.changedFieldsJson) as ChangedFields
  const artisan = (sql(db, IDENTITY).get(row.artisanId) as Identity | undefined) ?? NO_IDENTITY
  return {
    id: row.id,
    artisanId: row.artisanId,
    kind: row.kind,
    status: row.status,
    requestedBy: { id: row.requestedById, name: row.requestedByName },
    requestedAt: row.requestedAt,
    decidedBy:
      row.decidedById === null ? null : { id: row.decidedById, name: row.decidedByName ?? '' },
    decidedAt: row.decidedAt,
    comment: row.comment,
    resubmitted: row.status === 'pending' && row.comment !== null,
    version: row.version,
    artisan,
    changes: Object.entries(changed).map(([field, { before, after }]) => ({
      field,
      before,
      after,
    })),
    held: row.status === 'approved' ? 0 : heldCount(db, row.artisanId),
  }
}

export interface ListFilter {
  status: 'open' | 'pending' | 'returned' | 'approved'
  mine: boolean
}

const LIST_LIMIT = 500

/** Pending first, then returned, oldest first; approved ones newest first. */
export function listApprovals(
  db: Db,
  actor: Actor,
  filter: ListFilter,
): { canDecide: boolean; items: ApprovalView[] } {
  const decides = canDecide(actor)
  const statuses =
    filter.status === 'open' ? ['pending', 'returned'] : ([filter.status] as string[])
  const mine = filter.mine || !decides
  const rows = sql(
    db,
    `SELECT ${APPROVAL_COLUMNS} FROM approval
     WHERE status IN (SELECT value FROM json_each(?)) AND (? = 0 OR requested_by_id = ?)
     ORDER BY CASE status WHEN 'pending' THEN 0 WHEN 'returned' THEN 1 ELSE 2 END,
       CASE status WHEN 'approved' THEN decided_at END DESC, requested_at, id
     LIMIT ${LIST_LIMIT}`,
  ).all(JSON.stringify(statuses), mine ? 1 : 0, actor.id) as ApprovalRow[]
  return { canDecide: decides, items: rows.map((row) => toView(db, row)) }
}

export function requireApproval(db: Db, id: string): ApprovalRow {
  const row = approvalRow(db, id)
  if (!row) throw appError('not_found', 'errors.approval_not_found')
  return row
}

/** One request; someone who cannot decide sees only their own. */
export function getApproval(db: Db, actor: Actor, id: string): ApprovalView {
  const row = requireApproval(db, id)
  if (!canDecide(actor) && row.requestedById !== actor.id)
    throw appError('forbidden', 'errors.forbidden', { method: 'approvals.get' })
  return toView(db, row)
}

/** The file's open request (for the banner on the file), or null. */
export function approvalForArtisan(db: Db, artisanId: string): ApprovalView | null {
  const row = openApprovalRow(db, artisanId)
  return row ? toView(db, row) : null
}
