import type { Actor } from '@shared/api/roles'
import { ArtisanFieldsSchema, type ArtisanChange } from '@shared/registry/records'
import { appError } from '@shared/errors'
import { appendAudit } from '../audit/audit-log'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { enqueue } from '../outbox/outbox'
import { COLUMNS } from './registry-columns'

/**
 * "Send again as a new registration" (supervisors): for a file the registry does not know
 * — its creation was refused (a CIN since corrected…) or it answers `not_found` to a
 * change (a file seeded on a demo desk, a file deleted at the registry) — the file as it
 * is now is queued as a creation, with a new operation id. The refused operations of the
 * file, and those still waiting behind them (they were made on top of a record the
 * registry does not have), are marked as sent again: the creation carries their result.
 * Audited as `sync.resend`. Only what the contract's creation carries goes: the fields,
 * the request for registration, and one step (the NIA when the file has one).
 */
const FIELD_NAMES = new Set(Object.keys(ArtisanFieldsSchema.shape))
const FIELD_COLUMNS = Object.entries(COLUMNS).filter(([, field]) => FIELD_NAMES.has(field))

/** A refused operation that a new creation can stand for. */
export const RESENDABLE = `(o.entity_type = 'artisan' AND o.status = 'rejected'
  AND json_extract(o.last_error, '$.resentAs') IS NULL
  AND (o.op = 'create' OR json_extract(o.last_error, '$.code') = 'not_found'))`

interface FileRow {
  deletedAt: string | null
  rnaStatus: string
  nia: string | null
  rnaRegisteredAt: string | null
  [column: string]: unknown
}

function creationOf(db: Db, artisanId: string, file: FileRow): ArtisanChange {
  const change: Record<string, unknown> = {}
  for (const [column, field] of FIELD_COLUMNS) change[field] = file[column] ?? null
  for (const text of [
    'birthPlace',
    'address',
    'organisationName',
    'organisationLegalId',
    'workplaceAddress',
    'qualificationDetail',
  ])
    change[text] ??= ''
  change.secondaryActivities = sql(
    db,
    'SELECT activity_code FROM artisan_activity WHERE artisan_id = ? ORDER BY activity_code',
  )
    .pluck()
    .all(artisanId)
  if (file.rnaStatus === 'registered' && file.nia)
    change.step = {
      step: 'rna_registered',
      happenedOn: (file.rnaRegisteredAt ?? nowIso()).slice(0, 10),
      nia: file.nia,
    }
  else change.rnaStatus = file.rnaStatus === 'identified' ? 'identified' : 'pending'
  return change as ArtisanChange
}

export function resendFile(db: Db, actor: Actor, artisanId: string): { opId: string } {
  return db.transaction(() => {
    const refused = sql(
      db,
      `SELECT o.seq, o.last_error AS lastError FROM outbox o
       WHERE o.entity_id = ? AND ${RESENDABLE} ORDER BY o.seq`,
    ).all(artisanId) as { seq: number; lastError: string }[]
    if (!refused.length) throw appError('conflict', 'errors.sync_nothing_to_resend')
    const file = sql(
      db,
      `SELECT deleted_at AS deletedAt, rna_status AS rnaStatus, nia,
         rna_registered_at AS rnaRegisteredAt, ${Object.keys(COLUMNS).join(', ')}
       FROM artisan WHERE id = ?`,
    ).get(artisanId) as FileRow | undefined
    if (!file || file.deletedAt) throw appError('not_found', 'errors.not_found')
    const at = nowIso()
    const payload = creationOf(db, artisanId, file)
    const opId = enqueue(
      db,
      { entityType: 'artisan', entityId: artisanId, op: 'create', payload, baseRevision: null },
      at,
    )
    const first = refused[0]!.seq
    const mark = sql(db, 'UPDATE outbox SET status = ?, last_error = ? WHERE seq = ?')
    const stale = sql(
      db,
      `SELECT seq, status, last_error AS lastError FROM outbox WHERE entity_type = 'artisan'
         AND entity_id = ? AND seq >= ? AND op_id <> ? AND status IN ('pending', 'rejected')`,
    ).all(artisanId, first, opId) as { seq: number; status: string; lastError: string | null }[]
    for (const row of stale) {
      const reason = row.lastError
        ? (JSON.parse(row.lastError) as Record<string, unknown>)
        : { code: 'superseded', message: '' }
      mark.run('rejected', JSON.stringify({ ...reason, resentAs: opId }), row.seq)
    }
    sql(db, 'UPDATE artisan SET server_revision = NULL WHERE id = ?').run(artisanId)
    appendAudit(
      db,
      actor,
      {
        action: 'sync.resend',
        entityType: 'artisan',
        entityId: artisanId,
        before: { refused: refused.map((r) => JSON.parse(r.lastError) as unknown) },
        after: { opId, op: 'create' },
      },
      at,
    )
    return { opId }
  })()
}
