import type { Actor } from '@shared/api/roles'
import { SENSITIVE_FIELDS, type ApprovalKind } from '@shared/approvals/approval'
import { uuidv7 } from '@shared/ids/uuidv7'
import { appendAudit } from '../audit/audit-log'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { mergeChanges, openApprovalRow, type ChangedFields } from './rows'
import { needsApproval } from './settings'

/**
 * The hooks the artisan services call, inside the transaction of the change, to hold a
 * file back from the registry until a supervisor approves: a clerk's new registration; a
 * clerk's change of the CIN, a name or the birth date; and any later change of a file
 * already waiting (its fields are added to the request; a returned request goes back to
 * the supervisor — "resubmitted"). A supervisor's or administrator's own change, or any
 * change while the setting is off, opens nothing.
 */

/** Fields of a correction that mean nothing to the supervisor (desk-only or derived). */
const NOT_SHOWN = new Set(['notes', 'rnaStatus', 'consent'])

function openApproval(
  db: Db,
  actor: Actor,
  at: string,
  artisanId: string,
  kind: ApprovalKind,
  changes: ChangedFields,
): void {
  const id = uuidv7()
  sql(
    db,
    `INSERT INTO approval (id, artisan_id, kind, requested_by_id, requested_by_name, requested_at,
       changed_fields_json) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, artisanId, kind, actor.id, actor.name, at, JSON.stringify(changes))
  appendAudit(
    db,
    actor,
    {
      action: 'approval.open',
      entityType: 'approval',
      entityId: id,
      before: null,
      after: { artisanId, kind, status: 'pending', changes },
    },
    at,
  )
}

/** After `registerArtisan` wrote the file: a clerk's registration waits for approval. */
export function holdRegistration(
  db: Db,
  actor: Actor,
  at: string,
  artisanId: string,
  registration: Record<string, unknown>,
): void {
  if (!needsApproval(db, actor)) return
  const changes: ChangedFields = {}
  for (const field of SENSITIVE_FIELDS) {
    const value = registration[field]
    if (value !== null && value !== undefined && value !== '')
      changes[field] = { before: null, after: value }
  }
  openApproval(db, actor, at, artisanId, 'registration', changes)
}

/** After `updateArtisan` recorded what changed (`before`/`after` hold only changed fields). */
export function holdEdit(
  db: Db,
  actor: Actor,
  at: string,
  artisanId: string,
  changed: { before: Record<string, unknown>; after: Record<string, unknown> },
): void {
  const change: ChangedFields = {}
  for (const [field, after] of Object.entries(changed.after))
    if (!NOT_SHOWN.has(field)) change[field] = { before: changed.before[field] ?? null, after }
  const open = openApprovalRow(db, artisanId)
  // Saved unchanged: nothing to add — but a returned request is sent back as it is.
  if (open?.status === 'pending' && !Object.keys(change).length) return
  if (open) {
    const merged = mergeChanges(JSON.parse(open.changedFieldsJson) as ChangedFields, change)
    const resubmitted = open.status === 'returned'
    sql(
      db,
      `UPDATE approval SET changed_fields_json = ?, status = 'pending', version = version + 1
       WHERE id = ?`,
    ).run(JSON.stringify(merged), open.id)
    appendAudit(
      db,
      actor,
      {
        action: resubmitted ? 'approval.resubmit' : 'approval.extend',
        entityType: 'approval',
        entityId: open.id,
        before: { status: open.status, version: open.version },
        after: { status: 'pending', version: open.version + 1, changes: merged },
      },
      at,
    )
    return
  }
  const sensitive = SENSITIVE_FIELDS.some((field) => field in changed.after)
  if (sensitive && needsApproval(db, actor))
    openApproval(db, actor, at, artisanId, 'sensitive_edit', change)
}
