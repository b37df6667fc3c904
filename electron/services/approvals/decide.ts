import type { Actor } from '@shared/api/roles'
import type { ApprovalView } from '@shared/approvals/approval'
import { appError } from '@shared/errors'
import { nowIso } from '../clock'
import { appendAudit } from '../audit/audit-log'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { requireApproval, toView } from './read'
import type { ApprovalRow } from './rows'

/**
 * A supervisor's decision on a request, on the version they looked at (a request the
 * clerk changed meanwhile, or that another supervisor decided, is refused as stale).
 * Approving releases the file's held operations: they leave with the next sync.
 * Returning keeps them held, with a comment the clerk sees; the clerk's correction sends
 * the request back (approvals/hold.ts). A returned request may also be approved directly.
 */
function openFor(db: Db, id: string, expectedVersion: number): ApprovalRow {
  const row = requireApproval(db, id)
  if (row.version !== expectedVersion)
    throw appError('conflict', 'errors.approval_stale', {
      found: row.version,
      expected: expectedVersion,
    })
  if (row.status === 'approved') throw appError('conflict', 'errors.approval_decided')
  return row
}

export function approveRequest(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
): ApprovalView {
  const at = nowIso()
  return db.transaction(() => {
    const row = openFor(db, id, expectedVersion)
    sql(
      db,
      `UPDATE approval SET status = 'approved', decided_by_id = ?, decided_by_name = ?,
         decided_at = ?, comment = NULL, version = version + 1 WHERE id = ?`,
    ).run(actor.id, actor.name, at, id)
    appendAudit(
      db,
      actor,
      {
        action: 'approval.approve',
        entityType: 'approval',
        entityId: id,
        before: { status: row.status, version: row.version, artisanId: row.artisanId },
        after: { status: 'approved', version: row.version + 1 },
      },
      at,
    )
    return toView(db, requireApproval(db, id))
  })()
}

export function returnRequest(
  db: Db,
  actor: Actor,
  id: string,
  comment: string,
  expectedVersion: number,
): ApprovalView {
  const at = nowIso()
  const text = comment.trim()
  if (text.length < 3)
    throw appError('validation', 'errors.validation', undefined, [
      { path: 'comment', key: 'validation.approval_comment' },
    ])
  return db.transaction(() => {
    const row = openFor(db, id, expectedVersion)
    if (row.status === 'returned') throw appError('conflict', 'errors.approval_decided')
    sql(
      db,
      `UPDATE approval SET status = 'returned', decided_by_id = ?, decided_by_name = ?,
         decided_at = ?, comment = ?, version = version + 1 WHERE id = ?`,
    ).run(actor.id, actor.name, at, text, id)
    appendAudit(
      db,
      actor,
      {
        action: 'approval.return',
        entityType: 'approval',
        entityId: id,
        before: { status: row.status, version: row.version, artisanId: row.artisanId },
        after: { status: 'returned', version: row.version + 1, comment: text },
      },
      at,
    )
    return toView(db, requireApproval(db, id))
  })()
}
